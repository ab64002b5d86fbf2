# Look at the tree the boot built.
!process 0 0
# explorer.exe starts notepad.exe; the answer prints its PID and TID (dwProcessId, dwThreadId).
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# Let notepad's initial thread run until it waits for input.
g
# System (PID 4) is out of reach for the user's token.
.call explorer.exe OpenProcess PROCESS_QUERY_LIMITED_INFORMATION 4
# @checkpoint system-is-protected
# notepad.exe, opened by its PID, is not ($dwProcessId: the PID CreateProcessW printed, different on every student's machine).
.call explorer.exe OpenProcess PROCESS_QUERY_LIMITED_INFORMATION $dwProcessId
