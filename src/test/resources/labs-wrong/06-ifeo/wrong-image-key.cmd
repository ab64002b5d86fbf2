# The Debugger value was set under calc.exe's key, so notepad.exe is not redirected.
# expect redirected fails: No calc.exe has been created yet.
.reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\calc.exe" Debugger C:\Windows\System32\calc.exe
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
