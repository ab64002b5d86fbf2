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
!handle 0 3 54
g
# Phase 3: the process is listed but has no thread yet; NtCreateThread -> nt!PspCreateThread makes it.
k
!process 60 1
# kernel32 closed its section handle right after NtCreateProcessEx: the process object holds the section now.
!handle 0 3 54
g
!process 0 0
# XP SP3's layout: dt at the x86 offsets, and the new thread with the kernel stack KeInitThread built.
dt nt!_EPROCESS 822d9040
!process 60 6
# nt's globals in XP's 32-bit dwords: PsActiveProcessHead (Flink, Blink), PsIdleProcess, PsInitialSystemProcess,
# PspCidTable, then the eight EX_CALLBACK slots of PspCreateProcessNotifyRoutine (XP SP3 boots with none registered).
dd nt!PsActiveProcessHead L10
# dq shows the same memory as quadwords, high`low: the list head's Blink and Flink.
dq nt!PsActiveProcessHead L2
