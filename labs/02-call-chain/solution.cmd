# Which kernel functions are about process creation?
x nt!*CreateProcess*
# Break where the new process gets its address space.
bu nt!MmCreateProcessAddressSpace
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# Read the chain of callers.
k
# @checkpoint at-address-space
# @checkpoint chain
# @checkpoint same-stop
g
