# Windows XP (classic profile): kernel32!CreateProcessW drives creation with separate system calls.
# The kernel functions of that pipeline.
x nt!*CreateProcess*
x nt!*CreateThread*
bu nt!PspCreateProcess
bu nt!PspCreateThread
# Phase 1 opens the image in user mode (NtOpenFile, NtCreateSection, NtQuerySection); phase 2 stops here.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# kernel32!CreateProcessW -> ntdll!NtCreateProcessEx -> nt!KiFastCallEntry -> nt!NtCreateProcessEx -> nt!PspCreateProcess.
k
# The section handle kernel32 holds while the process is built.
!handle 0 3 40
g
# Phase 3: the process is listed but has no thread yet; NtCreateThread -> nt!PspCreateThread makes it.
k
!process 4c 1
g
!process 0 0
