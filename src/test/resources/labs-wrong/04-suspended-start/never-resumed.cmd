# Created suspended but never resumed: g alone does not run a suspended thread.
# expect resumed fails: Thread 72 of notepad.exe should have suspend count 0, it has 1.
# expect resumed fails: The PEB loader list of notepad.exe should list ntdll.dll; it lists -.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
g
