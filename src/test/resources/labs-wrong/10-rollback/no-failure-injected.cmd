# No failure armed: the call simply succeeds.
# expect rolled-back fails: The last CreateProcessW should have failed, but it succeeded.
# expect same-error fails: Expected the last call CreateProcessW failed with Win32 error 0x8; found the last call CreateProcessW succeeded instead.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
