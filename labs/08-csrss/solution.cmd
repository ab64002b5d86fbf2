.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
# @checkpoint csr-records
# @checkpoint csrss-handles
# @checkpoint same-records
# Terminate it through the process handle CreateProcessW gave explorer.exe ($hProcess); keep the handle.
.call explorer.exe TerminateProcess $hProcess 1
g
