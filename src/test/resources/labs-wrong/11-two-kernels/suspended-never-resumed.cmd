# Every phase stop seen, but with CREATE_SUSPENDED: kernel32 skips NtResumeThread, so phase 6 never runs.
# expect phase-six-apc fails: The machine should be stopped in stage 6
bu nt!PspCreateProcess
bu nt!PspCreateThread
bu CSRSRV!CsrCreateProcess
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
bu ntdll!KiUserApcDispatcher
g
g
g
