# Only DETACHED_PROCESS: a valid request, so notepad.exe is created.
# expect invalid-combination fails: The last CreateProcessW should have failed, but it succeeded.
# expect invalid-combination fails: Expected no process notepad.exe, found 1
# expect high-priority fails: notepad.exe should run at base priority 13, it runs at 8.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe DETACHED_PROCESS
g
