# !diff: what each move changed, in structure terms (no debugger has it): stepping through
# PspAllocateProcess shows the new EPROCESS fill field by field; t- shows the same changes undone.
!diff
bp nt!PspAllocateProcess
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
!diff
t
!diff
p
!diff
p
!diff
p
!diff
t-
!diff
