# CREATE_SUSPENDED: the process exists with its thread frozen before stage 7.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
!process 64 7
!handle 0 3 5c
!peb
.process ffffa08f`1c2dd040
!vad
!csrss
# Resume the thread through the handle explorer received, then let it run.
.call explorer.exe ResumeThread 0x10
g
!process 64 7
!peb
!teb
