# Created suspended but never resumed: g alone does not run a suspended thread.
# expect resumed fails: explorer.exe has not called ResumeThread yet
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_SUSPENDED
g
