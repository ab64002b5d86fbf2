# Started normally: the thread ran at once and the loader filled the list.
# expect created-suspended fails: notepad.exe's thread has suspend count 0; it should be 1.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
