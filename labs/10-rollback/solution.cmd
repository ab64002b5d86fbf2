# The next address space the memory manager builds will fail: that is stage 3.
.fail addressspace
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# @checkpoint rolled-back
# @checkpoint same-error
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
