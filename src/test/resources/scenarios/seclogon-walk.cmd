# Windows 10: CreateProcessWithLogonW is an RPC to the Secondary Logon service, a demand-start service.
# The boot tree has no svchost.exe: the first call finds no SECLOGON endpoint, asks services.exe's SCM to start
# svchost -k netsvcs -p -s seclogon (the first PspAllocateProcess, on services' thread), waits until the service
# reports running, and calls again; seclogon's thread in svchost creates notepad with explorer as its parent.
!process 0 0 svchost.exe
bp nt!PspAllocateProcess
.call explorer.exe CreateProcessWithLogonW alice C:\Windows\System32\notepad.exe
k
g
k
!process 0 0 explorer.exe
bc *
g
!process 0 0 svchost.exe
!process 0 0 notepad.exe
# the second call reuses the running service: no new svchost
.call explorer.exe CreateProcessWithLogonW bob C:\Windows\System32\calc.exe
!process 0 7 svchost.exe
