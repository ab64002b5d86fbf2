# calc.exe started directly: no cmd.exe ever ran.
# expect through-cmd fails: There is no process with image cmd.exe.
# expect script-ran fails: calc.exe should be a child of cmd.exe, it is a child of explorer.exe.
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe
g
