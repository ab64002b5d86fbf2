# Seed 000: from CreateProcessW in explorer.exe down to the kernel's address space creation.
# Which nt functions deal with process creation?
x nt!*CreateProcess*
# Break where the new process gets its address space (deferred until it resolves, as bu does).
bu nt!MmCreateProcessAddressSpace
bl
# explorer.exe starts notepad; the call stops midway at the breakpoint.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# The chain: KERNELBASE!CreateProcessW -> ntdll!NtCreateUserProcess -> nt!NtCreateUserProcess -> nt!PspAllocateProcess.
k
!process 0 0
# Let the call finish: g prints its result.
g
!process 0 0
