# A breakpoint one function too early: the address space is not being built yet.
# expect at-address-space fails: The machine should be stopped at nt!MmCreateProcessAddressSpace, it is stopped at nt!PspAllocateProcess.
bu nt!PspAllocateProcess
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
