# Two console flags that contradict each other: rejected before any object exists.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS
# @checkpoint invalid-combination
# A priority class in the creation flags sets the new process's base priority.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe HIGH_PRIORITY_CLASS
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe IDLE_PRIORITY_CLASS
g
