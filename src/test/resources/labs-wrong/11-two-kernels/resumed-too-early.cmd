# notepad.exe started normally: phases 1 to 6 all ran, and no call failed.
# expect built-not-started fails: of notepad.exe should have suspend count 1, it has 0.
# expect phase-one-refuses fails: The last CreateProcessW should have failed, but it succeeded.
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
g
