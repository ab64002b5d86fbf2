.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
# @checkpoint csr-records
# @checkpoint csrss-handles
# @checkpoint same-records
# Terminate it through the process handle (0x8) CreateProcessW gave explorer.exe; keep the handle.
.call explorer.exe TerminateProcess 0x8 1
g
