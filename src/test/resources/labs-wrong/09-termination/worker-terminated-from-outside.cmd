# worker.exe was ended from outside before its thread ever ran: same exit status 3, but it did not end itself.
# expect exited-by-itself fails: explorer.exe called TerminateProcess on worker.exe; this step must be reached without TerminateProcess
.call explorer.exe CreateProcessW C:\Tools\worker.exe
.call explorer.exe TerminateProcess $hProcess 3
g
