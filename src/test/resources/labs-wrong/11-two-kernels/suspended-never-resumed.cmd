# CREATE_SUSPENDED: kernel32 skips NtResumeThread, so phases 5 and 6 never run.
# expect finished fails: The PEB loader list of notepad.exe should list kernel32.dll
# expect phase-six-apc fails: The machine should be stopped in stage 6
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
g
