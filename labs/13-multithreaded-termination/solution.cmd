# threads.exe's main thread starts two workers (CreateThread Worker) and waits; each worker waits on its own event.
.call explorer.exe CreateProcessW C:\Tools\threads.exe
g
!process 0 2 threads.exe
# @checkpoint three-threads
bp nt!PspExitThread
bp nt!PspExitProcess
.call explorer.exe TerminateProcess $hProcess 9
# the main thread takes its exit APC first
g
k
# then the first worker, on its own thread
g
k
# @checkpoint worker-exits-itself
g
k
# the last thread out runs the rundown
g
k
# @checkpoint last-out
g
# @checkpoint all-gone
