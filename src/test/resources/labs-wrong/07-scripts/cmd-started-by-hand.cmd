# cmd.exe started by hand, without the script on its command line.
# expect through-cmd fails: The command line of cmd.exe should contain "start-calc.cmd"
.call explorer.exe CreateProcessW C:\Windows\System32\cmd.exe
g
