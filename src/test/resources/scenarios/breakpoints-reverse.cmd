# Breakpoints, stepping and reverse stepping through a CreateProcessW.
bm nt!Psp*Process
bl
bd 1
.call explorer.exe CreateProcessW C:\Windows\System32\calc.exe
k
# Step into, over and out.
t
t
p
gu
k
# And back: one step, one step at this depth, to the previous breakpoint hit.
t-
p-
g-
k
!tt 1881
k
be 1
bc 0
bl
# In the past g moves along the recorded history (here up to its present); at the present it runs live.
g
g
bl
bc *
bl
