# A failure, but a different one: the image does not exist (stage 2, not stage 3).
# expect rolled-back fails: The last CreateProcessW should have failed with Win32 error 0x8, it failed with 0x2.
.call explorer.exe CreateProcessW C:\Windows\System32\nosuch.exe
