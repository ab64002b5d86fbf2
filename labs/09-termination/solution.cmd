# worker.exe calls ExitProcess(3) as soon as it runs.
.call explorer.exe CreateProcessW C:\Tools\worker.exe
g
# @checkpoint exited-by-itself
# notepad.exe waits for input forever: end it from outside. Its handles are 0x10 (process) and 0x14 (thread).
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe TerminateProcess 0x10 0xdead
g
# @checkpoint terminated
.call explorer.exe CloseHandle 0x14
.call explorer.exe CloseHandle 0x10
