# A multi-threaded guest: threads.exe's main thread starts two workers with CreateThread.
.call explorer.exe CreateProcessW C:\Tools\threads.exe
g
!process 0 2 threads.exe
x threads!*
# A thread of our own, created suspended from outside (CreateRemoteThread needs PROCESS_CREATE_THREAD).
.call explorer.exe CreateRemoteThread $hProcess Worker CREATE_SUSPENDED
.call explorer.exe GetThreadPriority 0x10
.call explorer.exe SetThreadPriority 0x10 THREAD_PRIORITY_HIGHEST
.call explorer.exe ResumeThread 0x10
g
.call explorer.exe GetExitCodeThread 0x10
# TerminateThread is asynchronous: the victim exits on its own thread.
bp nt!PspExitThread
.call explorer.exe TerminateThread 0x10 0x2a
g
k
bc *
g
.call explorer.exe GetExitCodeThread 0x10
# The whole process: every thread takes its exit APC; the last one runs PspExitProcess.
bp nt!PspExitProcess
.call explorer.exe TerminateProcess $hProcess 9
g
k
bc *
g
# Seed 000: explorer opens the desktop shortcut on a shell worker thread.
bu nt!MmCreateProcessAddressSpace
.call explorer.exe ShellExecuteExW C:\Users\student\Desktop\Notepad.lnk
g
k
bc *
g
