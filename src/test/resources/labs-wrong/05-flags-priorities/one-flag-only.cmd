# Only CREATE_NEW_CONSOLE: a valid request, so notepad.exe starts and nothing fails.
# expect invalid-combination fails: The last CreateProcessW should have failed, but it succeeded.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe DETACHED_PROCESS
g
