# notepad.exe terminated, but explorer.exe also closed its handles, so the process object is gone.
# expect unregistered fails: There is no process with image notepad.exe.
# expect csr-records fails: There is no process with image notepad.exe.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
.call explorer.exe TerminateProcess 0x8 1
g
.call explorer.exe CloseHandle 0xc
.call explorer.exe CloseHandle 0x8
