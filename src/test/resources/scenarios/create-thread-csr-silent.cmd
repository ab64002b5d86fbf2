# Windows 10: a new thread is not announced to csrss (BASESRV's BasepCreateThread slot is BaseSrvDeadEntry from 6.2).
# The only CsrClientCallServer is explorer's BasepCreateProcess.
bp ntdll!CsrClientCallServer
.call explorer.exe CreateProcessW C:\Tools\threads.exe
!thread
bc *
g
!process 0 2 threads.exe
!csrss
