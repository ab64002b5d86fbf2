# Register calc.exe as the "debugger" of notepad.exe.
.reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\notepad.exe" Debugger C:\Windows\System32\calc.exe
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
# @checkpoint redirected
# Remove the value: the next start is not redirected.
.reg delete "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\notepad.exe" Debugger
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
