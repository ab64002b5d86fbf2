# No CREATE_SUSPENDED: a breakpoint holds the call before stage 6 resumes the thread, which looks
# the same for a moment, but CreateProcessW has not finished, and once it does the thread runs.
# expect created-suspended fails: notepad.exe's thread has suspend count 0; it should be 1.
bu nt!KeResumeThread
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
g
