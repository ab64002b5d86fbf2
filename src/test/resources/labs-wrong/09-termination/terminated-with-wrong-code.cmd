# worker.exe ran, then notepad.exe was terminated with exit code 1 instead of 0xdead.
# expect terminated fails: notepad.exe should have exited with status 0xdead, it exited with 0x1.
.call explorer.exe CreateProcessW C:\Tools\worker.exe
g
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe TerminateProcess $hProcess 1
g
