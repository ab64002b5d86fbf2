# Phase 1 only: CreateProcessInternalW checks the flags before it opens the image.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS
# @checkpoint phase-one-refuses
# Phases 1 to 4: image, process (NtCreateProcessEx), thread (NtCreateThread), csrss; no resume.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
# @checkpoint built-not-started
# Phase 5 starts with NtResumeThread; the new thread then runs phases 5 and 6 when the machine runs.
.call explorer.exe ResumeThread 0x10
g
# @checkpoint phases-five-and-six
# Make phase 3 fail: the process from phase 2 is terminated and closed again.
.fail teb
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe
# @checkpoint phase-three-rolls-back
