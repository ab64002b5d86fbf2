# Started normally: the thread ran at once and the loader filled the list.
# expect created-suspended fails: Thread 72 of notepad.exe should have suspend count 1, it has 0.
# expect created-suspended fails: The PEB loader list of notepad.exe should be empty (the loader has not run yet)
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
