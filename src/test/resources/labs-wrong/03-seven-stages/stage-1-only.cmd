# Stopped in stage 1, still in user mode, before the system call.
# expect stage-2-image fails: The machine should be stopped in stage 2; it is stopped in stage 1, at KERNELBASE!CreateProcessInternalW.
bu KERNELBASE!CreateProcessInternalW
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
