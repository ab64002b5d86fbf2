# cmd.exe started directly, without a script: it has nothing to run.
# expect through-cmd fails: The command line of cmd.exe should contain "start-calc.cmd"
# expect script-ran fails: There is no process with image calc.exe.
.call explorer.exe CreateProcessW C:\Windows\System32\cmd.exe
g
