# No CREATE_SUSPENDED: the thread was suspended after CreateProcessW returned (before it ran).
# expect created-suspended fails: The last call should be CreateProcessW; it was SuspendThread.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
.call explorer.exe SuspendThread $hThread
