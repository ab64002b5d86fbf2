# notepad.exe terminated with exit code 1 instead of 0xdead, and worker.exe never started.
# expect terminated fails: notepad.exe should have exited with status 0xdead, it exited with 0x1.
# expect exited-by-itself fails: There is no process with image worker.exe.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe TerminateProcess 0x8 1
g
