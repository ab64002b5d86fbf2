# One breakpoint per phase we want to see, then the same CreateProcessW as on Windows 10.
bu nt!PspCreateProcess
bu nt!PspCreateThread
bu CSRSRV!CsrCreateProcess
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# after the call began: explorer runs the .call itself from KiUserApcDispatcher (a user APC)
bu ntdll!KiUserApcDispatcher
# @checkpoint phase-two-process
g
# @checkpoint phase-three-thread
g
# @checkpoint phase-four-csrss
g
# @checkpoint phase-six-apc
g
# @checkpoint finished
