# An invalid flag combination fails before any object exists.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS
# A missing image fails with the right status and error.
.call explorer.exe CreateProcessW C:\Windows\System32\nosuch.exe
# Make stage 3's address space allocation fail: everything built so far is rolled back.
bp nt!MmCreateProcessAddressSpace
.fail addressspace
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
k
g
!process 0 0
.invariants
