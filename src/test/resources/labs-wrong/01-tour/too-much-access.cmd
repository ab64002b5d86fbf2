# notepad.exe started, but System was never opened (and no handle with query-limited access).
# expect system-is-protected fails: The last call should be OpenProcess; it was CreateProcessW.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
