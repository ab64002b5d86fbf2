# calc.exe started directly: no cmd.exe ever ran a script.
# expect through-cmd fails: No cmd.exe has been created yet.
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe
g
