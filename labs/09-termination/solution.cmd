# worker.exe calls ExitProcess(3) as soon as it runs.
.call explorer.exe CreateProcessW C:\Tools\worker.exe
g
# @checkpoint exited-by-itself
# notepad.exe waits for input forever: end it from outside, through the handles its CreateProcessW returned ($hProcess, $hThread).
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe TerminateProcess $hProcess 0xdead
g
# @checkpoint terminated
.call explorer.exe CloseHandle $hThread
.call explorer.exe CloseHandle $hProcess
