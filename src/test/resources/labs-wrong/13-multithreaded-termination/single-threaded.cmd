# notepad.exe has one thread: there is no worker to watch, and threads.exe never ran.
# expect three-threads fails: No threads.exe has been created yet.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
bp nt!PspExitThread
.call explorer.exe TerminateProcess $hProcess 9
g
k
g
