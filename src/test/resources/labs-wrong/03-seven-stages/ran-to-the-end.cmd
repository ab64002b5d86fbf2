# No breakpoint in stage 2: the first stop is already in stage 3, so stage 2 was never seen
# (and the later stages count only after it).
# expect stage-2-image fails: The machine should be stopped in stage 2, but it is not stopped anywhere.
bu nt!PspAllocateProcess
bu nt!PspAllocateThread
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
g
g
