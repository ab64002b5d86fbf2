# The two priority classes swapped.
# expect high-priority fails: notepad.exe should run at base priority 13, it runs at 4.
# expect idle-priority fails: calc.exe should run at base priority 4, it runs at 13.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe IDLE_PRIORITY_CLASS
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe HIGH_PRIORITY_CLASS
g
