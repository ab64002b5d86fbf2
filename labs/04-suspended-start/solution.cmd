# Create notepad.exe with its initial thread suspended.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
# @checkpoint created-suspended
# @checkpoint registered-while-suspended
# hThread of the call above: the first two handles explorer.exe gets are 0x8 (process) and 0xc (thread).
.call explorer.exe ResumeThread 0xc
g
