# A breakpoint one function too early: the address space is not being built yet.
# expect at-address-space fails: The machine should be stopped at nt!MmCreateProcessAddressSpace, it is stopped at nt!PspAllocateProcess.
# expect same-stop fails: Expected the machine stopped at nt!MmCreateProcessAddressSpace (stage 3, a thread of explorer.exe); found the machine stopped at nt!PspAllocateProcess (stage 3, a thread of explorer.exe) instead.
# expect finished fails: The last CreateProcessW has not finished: a breakpoint stopped it midway (continue with g).
bu nt!PspAllocateProcess
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
