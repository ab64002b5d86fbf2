# notepad.exe started by a script's cmd.exe instead of explorer.exe; System never tried.
# expect notepad-from-explorer fails: notepad.exe should be a child of explorer.exe, it is a child of cmd.exe.
# expect system-is-protected fails: The last call should be OpenProcess; it was CreateProcessW.
# expect same-tree fails: Expected notepad.exe running, child of explorer.exe; found notepad.exe running, child of cmd.exe instead.
.file add C:\Temp\n.cmd C:\Windows\System32\notepad.exe
.call explorer.exe CreateProcessW C:\Temp\n.cmd
g
