# No failure injected: the creation succeeds, so nothing was rolled back.
# expect rolled-back fails: The last CreateProcessW should have failed, but it succeeded.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
