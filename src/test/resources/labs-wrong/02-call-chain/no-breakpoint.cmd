# No breakpoint: the call runs to its end and nothing stops it.
# expect at-address-space fails: The machine should be stopped at nt!MmCreateProcessAddressSpace, but it is not stopped anywhere.
# expect chain fails: but it is not stopped anywhere.
# expect same-stop fails: Expected 1 × the machine stopped at nt!MmCreateProcessAddressSpace (stage 3, a thread of explorer.exe); found 0.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
