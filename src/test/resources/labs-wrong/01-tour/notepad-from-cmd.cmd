# notepad.exe started by cmd.exe, not by explorer.exe.
# expect notepad-from-explorer fails: notepad.exe should be a child of explorer.exe, it is a child of cmd.exe.
.file add C:\Temp\n.cmd C:\Windows\System32\notepad.exe
.call explorer.exe CreateProcessW C:\Temp\n.cmd
g
