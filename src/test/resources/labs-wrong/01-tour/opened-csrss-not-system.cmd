# Access denied, but on csrss.exe (PID 0x18 on the default seed; another PID or none on a seeded machine), not on System.
# expect system-is-protected fails: The last OpenProcess should name System; it named
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe OpenProcess PROCESS_QUERY_LIMITED_INFORMATION 18
