# notepad.exe registered, then explorer.exe closed its handles instead of terminating it: it still runs.
# expect unregistered fails: notepad.exe is still running; it should have exited.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe CloseHandle $hThread
.call explorer.exe CloseHandle $hProcess
