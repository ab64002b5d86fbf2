# The contradiction seen, then the two priority classes swapped.
# expect high-priority fails: notepad.exe should run at base priority 13, it runs at 4.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe IDLE_PRIORITY_CLASS
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe HIGH_PRIORITY_CLASS
g
