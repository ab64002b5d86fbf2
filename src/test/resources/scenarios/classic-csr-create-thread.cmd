# XP: every CreateThread tells csrss (CsrClientCallServer(BasepCreateThread) through the process's client port 0x4).
# BASESRV!BaseSrvCreateThread runs on csrss's own thread, with csrss's stack.
bp BASESRV!BaseSrvCreateThread
.call explorer.exe CreateProcessW C:\Tools\threads.exe
g
!thread
k
# The creator waits for csrss's reply (WrLpcReply); the new thread stays suspended until the reply.
!process 0 2 threads.exe
bc *
bp CSRSRV!CsrCreateThread
g
k
bc *
g
# threads.exe's CSR_PROCESS now lists its three threads.
!csrss
# A thread explorer starts in threads.exe joins threads.exe's CSR_PROCESS, not explorer's.
.call explorer.exe CreateRemoteThread $hProcess Worker
g
!csrss
# Its end reaches csrss as LPC_CLIENT_DIED: CsrDestroyThread runs on csrss's thread.
bp CSRSRV!CsrDestroyThread
.call explorer.exe TerminateThread 0x14 7
g
!thread
bc *
g
!csrss
