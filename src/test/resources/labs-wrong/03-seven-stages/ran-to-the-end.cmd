# The breakpoints were set, but g ran past every one of them: nothing is stopped at the end.
# expect stage-3-process fails: The machine should be stopped in stage 3, but it is not stopped anywhere.
# expect stage-4-thread fails: The machine should be stopped in stage 4, but it is not stopped anywhere.
bu nt!PspAllocateProcess
bu nt!PspAllocateThread
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
g
g
