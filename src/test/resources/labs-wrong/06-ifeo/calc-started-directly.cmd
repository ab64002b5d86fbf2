# calc.exe started by hand: it exists, but nothing redirected notepad.exe.
# expect redirected fails: The command line of calc.exe should contain "notepad.exe"
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe
g
