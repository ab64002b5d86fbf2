# notepad.exe opened with all access instead of query-limited access.
# expect handle-by-pid fails: The handle table of explorer.exe holds a handle of that kind but with access 0x1fffff; expected Process -> notepad.exe (0x1000).
# expect system-is-protected fails: The last call should be OpenProcess; it was CreateProcessW.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
