# TerminateProcess and g without breakpoints: the threads exit unseen, the machine never stops in PspExitThread.
# expect worker-exits-itself fails: The machine should be stopped at nt!PspExitThread, but it is not stopped anywhere.
.call explorer.exe CreateProcessW C:\Tools\threads.exe
g
.call explorer.exe TerminateProcess $hProcess 9
g
