# Each of these is rejected with an error naming the problem; the machine does not change.
bp nt!Nope
bp
bc 7
!process zz
dt nt!_FOO ffffa08f`1c2d3040
dt nt!_EPROCESS 1234
!tt 999999999
x nope
frobnicate
dq 0 L?ffffffff
dq ffffffff`ffffffff L2
dq -10
