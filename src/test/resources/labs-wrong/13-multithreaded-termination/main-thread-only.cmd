# Stopping only at the first exit: that is the main thread (threads!wmainCRTStartup), not a worker.
# expect worker-exits-itself fails: The call stack should pass through threads!Worker
.call explorer.exe CreateProcessW C:\Tools\threads.exe
g
bp nt!PspExitThread
.call explorer.exe TerminateProcess $hProcess 9
g
k
