# One breakpoint in each stage we want to see.
bu nt!NtCreateUserProcess
bu nt!PspAllocateProcess
bu nt!PspAllocateThread
bu CSRSRV!CsrCreateProcess
bu ntdll!LdrInitializeThunk
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# @checkpoint stage-2-image
g
# @checkpoint stage-3-process
g
# @checkpoint stage-4-thread
g
# @checkpoint stage-5-csrss
g
# @checkpoint stage-7-new-process
g
