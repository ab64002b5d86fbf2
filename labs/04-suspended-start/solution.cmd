# Create notepad.exe with its initial thread suspended.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
# @checkpoint created-suspended
# @checkpoint registered-while-suspended
# hThread of the call above ($hThread: its value differs between students' machines).
.call explorer.exe ResumeThread $hThread
g
