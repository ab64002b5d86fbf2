# notepad.exe was made to call ExitProcess(0xdead) itself: same exit status, but nothing ended it from outside.
# expect terminated fails: explorer.exe has not called TerminateProcess on notepad.exe yet.
.call explorer.exe CreateProcessW C:\Tools\worker.exe
g
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call notepad.exe ExitProcess 0xdead
g
