# The thread handle was closed but the process handle is still open: the object stays.
# expect pid-freed fails: The handle table of explorer.exe should not hold a handle Process -> notepad.exe, but it does.
.call explorer.exe CreateProcessW C:\Tools\worker.exe
g
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe TerminateProcess $hProcess 0xdead
g
.call explorer.exe CloseHandle $hThread
