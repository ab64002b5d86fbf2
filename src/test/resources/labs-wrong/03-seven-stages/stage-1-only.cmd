# Stopped in stage 1, still in user mode, before the system call.
# expect stage-2-image fails: The machine should be stopped in stage 2; it is stopped in stage 1, at KERNELBASE!CreateProcessInternalW.
# expect stage-7-new-process fails: The machine should be stopped on a thread of notepad.exe, it is stopped on a thread of explorer.exe.
bu KERNELBASE!CreateProcessInternalW
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
