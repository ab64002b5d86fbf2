# Breakpoints on the Windows 10 functions: this kernel has no PspAllocateProcess, so nothing stops.
# expect phase-two-process fails: The machine should be stopped in stage 2, but it is not stopped anywhere.
bu nt!PspAllocateProcess
bu nt!PspAllocateThread
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
