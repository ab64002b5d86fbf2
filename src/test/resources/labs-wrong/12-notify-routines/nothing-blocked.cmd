# The driver is loaded and its routine runs, but it was told to block nothing: notepad.exe starts anyway.
# expect blocked fails: The last CreateProcessW should have failed, but it succeeded.
.call lsass.exe NtLoadDriver \Registry\Machine\System\CurrentControlSet\Services\procmon
g
bp procmon!ProcmonCreateProcessNotifyRoutineEx
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
k
g
