# The failure was injected in phase 2 (the address space), not in phase 3, and notepad.exe never started.
# expect phase-three-rolls-back fails: 0x8
# expect phases-five-and-six fails: There is no process with image notepad.exe.
.fail addressspace
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe
