# Everyday WinDbg commands of kernel-debugging handouts, each in the format Microsoft's debugger
# reference documents; each "# format:" line names the page (https://learn.microsoft.com/windows-hardware/drivers/debuggercmds/<page>) or the transcript
# the layout was checked against, field by field. Lines this machine has no values for are left out
# (the report of issue 19 lists them), never invented.
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/bp--bu--bm--set-breakpoint- ("bp, bu, bm (Set Breakpoint)"): nothing printed for a resolved symbol
bu nt!PspAllocateProcess
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/bl--breakpoint-list- ("bl (Breakpoint List)"): number, e/d, address, pass count, symbol; kernel mode has no "0:****" column
bl
# format: "Breakpoint 0 hit", the symbol line, then the instruction line (this machine's instruction is its step)
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/r--registers- ("r (Registers)"): the modeled registers in the x64 layout, then the current instruction
r
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/k--kb--kc--kd--kp--kp--kv--display-stack-backtrace- ("k (Display Stack Backtrace)"): k/kn frame number, Child-SP, RetAddr, Call Site
k
kn
# format: the same page: kb/kv RetAddr, Args to Child, Call Site
kb
kv
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/u--unassemble- ("u (Unassemble)"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/uf--unassemble-function- ("uf (Unassemble Function)")
u nt!PspAllocateProcess
uf nt!MmCreatePeb
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/t--trace- ("t (Trace)"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/p--step- ("p (Step)"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/gu--go-up- ("gu (Go Up)")
t
p
gu
r
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/lm--list-loaded-modules- ("lm (List Loaded Modules)"): start, end, module name in address order
lm
lm m nt
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-reload--reload-module- (".reload (Reload Module)")
.reload
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/vertarget--show-target-computer-version- ("vertarget"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/-irql ("!irql")
vertarget
!irql
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-process ("!process"); kernel transcripts of "!process 0 0" (Windows Internals 6th ed.): PROCESS and
# ObjectTable pointers without the backtick. Left out: VadRoot's Clone/Private/Modified/Locked, DeviceMap, the times, quotas, working set
!process -1 0
!process 0 0 explorer.exe
# format: the same page, flags 7: the threads with their stacks (kb's columns, with Child-SP)
!process 0 7 explorer.exe
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-thread ("!thread"): left out Wait Start TickCount, Context Switch Count, UserTime/KernelTime, Stack Current/Call, PriorityDecrement/IoPriority/PagePriority
!thread -1
!thread @$thread
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-handle ("!handle"), Windows Internals 6th ed. "Viewing the Handle Table with the Kernel Debugger":
# "Handle table at", then per handle "Object: ... GrantedAccess: ... Entry: ..."; flag 2 the object lines; flag 4 the free entries
!handle
!handle 0 3
!handle 0 7
!handle 4 f
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-object ("!object"): Object, Type, then ObjectHeader and the counts one level in; no Name line for an unnamed object
!object @$proc
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-peb ("!peb"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/-teb ("!teb"): the fields in the order of the reference's examples
!peb
!teb
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/x--examine-symbols- ("x (Examine Symbols)") and seed 000's transcript: "(Name)" after a function, "= <no type information>" after data
x nt!*CreateProcess*
x nt!PsActiveProcessHead
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/ln--list-nearest-symbols- ("ln (List Nearest Symbols)"): the symbol below and the one above, "Exact matches:" only for an exact address
ln fffff802`55a0c250
ln fffff802`55a0c240
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-process-set-process-context- (".process (Set Process Context)")
.process /p /r ffffa08f`1c2de040
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/d--da--db--dc--dd--dd--df--dp--dq--du--dw--dw--dyb--dyd--display-memor ("d, da, db ... (Display Memory)"): two quadwords or four doublewords a line; ? where memory is not modeled
dq ffffa08f`1c2de480 L4
dd ffffa08f`1c2de480 L8
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/pseudo-register-syntax ("Pseudo-Register Syntax"): $proc, $thread, $peb, $teb
dq @$peb L2
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/dt--display-type- ("dt (Display Type)"): fields in offset order, the name padded to 16 columns; without an address the types
dt nt!_EPROCESS ffffa08f`1c2de040
dt nt!_EPROCESS
dt nt!_K*
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/n--set-number-base- ("n (Set Number Base)"): the default radix is 16; 0n marks a decimal number, 0x a hex one
n
!process 0n84 0
n 10
!process 84 0
!process 0x54 0
n 16
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/---evaluate-expression- ("? (Evaluate Expression)"): the number in decimal and as a 64-bit value
? 0n68
? 44
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/bc--breakpoint-clear- ("bc (Breakpoint Clear)"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/g--go- ("g (Go)"): bc prints nothing; g only the events of the run
bc 0
bl
g
