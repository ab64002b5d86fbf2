# Everyday WinDbg commands of kernel-debugging handouts, each in the format Microsoft's debugger
# reference documents (learn.microsoft.com/windows-hardware/drivers/debuggercmds/<page>):
# bp/bu print nothing for a resolved symbol ("bp, bu, bm (Set Breakpoint)");
# bl: number, e/d, address, pass count, symbol; no user-mode "0:****" column in kernel mode ("bl (Breakpoint List)")
bu nt!PspAllocateProcess
bl
# a hit: "Breakpoint 0 hit", the symbol line, then the instruction line; this machine's instruction is its step
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# r: the modeled registers in the x64 layout, then the current instruction ("r (Registers)")
r
# k/kn: frame number, Child-SP, RetAddr, Call Site; kb/kv: RetAddr, Args to Child, Call Site ("k (Display Stack Backtrace)")
k
kb
# u: eight instructions from the address; uf: the whole function ("u (Unassemble)", "uf (Unassemble Function)")
u nt!PspAllocateProcess
uf nt!MmCreatePeb
# t into the call, p over one step, gu to just after the call in the caller ("t (Trace)", "p (Step)", "gu (Go Up)")
t
p
gu
r
# lm: the loaded images in address order ("lm (List Loaded Modules)"); .reload ("/.reload (Reload Module)")
lm
lm m nt
.reload
# vertarget ("vertarget (Show Target Computer Version)"), !irql ("!irql")
vertarget
!irql
# !process -1 / 0 0 <image>, !thread -1 ("!process", "!thread"); !thread's default flags 0x6 print the stack with
# kb's arguments (Child-SP, RetAddr, Args to Child, Call Site), only flag bit 0x8 drops them. Lines left out because
# this machine keeps no such counters: VadRoot's "Clone/Private/Modified/Locked", DeviceMap, ElapsedTime/UserTime/
# KernelTime, Wait Start TickCount, Context Switch Count, Stack "Current"/"Call", PriorityDecrement/IoPriority/PagePriority
!process -1 0
!process 0 0 explorer.exe
!thread -1
# .process /p /r: the implicit process, user addresses and symbols of it (".process (Set Process Context)")
.process /p /r ffffa08f`1c2de040
# dq/dd: address, then two quadwords or four doublewords a line; ? where memory is not modeled ("d, da, db ... (Display Memory)")
dq ffffa08f`1c2de480 L4
dd ffffa08f`1c2de480 L8
# dt: fields in offset order ("dt (Display Type)")
dt nt!_EPROCESS ffffa08f`1c2de040
# n: the default radix is 16; 0n marks a decimal number; n 10 changes it ("n (Set Number Base)")
n
!process 0n92 0
n 10
!process 92 0
n 16
# ?: a number in decimal and as a 64-bit value ("? (Evaluate Expression)")
? 0n68
? 44
# bc prints nothing; g prints only the events of the run ("bc (Breakpoint Clear)", "g (Go)")
bc 0
bl
g
