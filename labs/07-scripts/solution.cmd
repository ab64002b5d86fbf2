# A script whose one line starts calc.exe.
.file add C:\Temp\start-calc.cmd C:\Windows\System32\calc.exe
# CreateProcessW notices the .cmd extension and starts cmd.exe /c <script> instead.
.call explorer.exe CreateProcessW C:\Temp\start-calc.cmd
g
