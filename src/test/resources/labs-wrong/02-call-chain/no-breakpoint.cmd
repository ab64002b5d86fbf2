# No breakpoint: the call runs to its end and nothing stops it.
# expect at-address-space fails: The machine should be stopped at nt!MmCreateProcessAddressSpace, but it is not stopped anywhere.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
