# The classic profile (Windows XP SP3, x86) in WinDbg's 32-bit formats: 8-digit pointers, no backtick,
# the session, Cid and Peb on the PROCESS line. Each "# format:" line names the page
# (https://learn.microsoft.com/windows-hardware/drivers/debuggercmds/<page>) or the transcript the layout was checked against.
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/bp--bu--bm--set-breakpoint- ("bp, bu, bm (Set Breakpoint)"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/bl--breakpoint-list- ("bl (Breakpoint List)")
bu nt!PspCreateProcess
bl
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/k--kb--kc--kd--kp--kp--kv--display-stack-backtrace- ("k (Display Stack Backtrace)"): ChildEBP, RetAddr, Call Site
k
kb
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-process ("!process"): "PROCESS 823c8830  SessionId: 0  Cid: 0004    Peb: 00000000  ParentCid: 0000" on x86
!process 0 0
!process -1 7
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-thread ("!thread"): on x86 Stack Init, Current, Base, Limit and Call on one line
!thread @$thread
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-handle ("!handle"), Windows Internals 6th ed. "Viewing the Handle Table with the Kernel Debugger"
!handle 0 7
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-object ("!object"): XP's header has no "(new version)" mark
!object @$proc
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-peb ("!peb"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/-teb ("!teb")
!peb
!teb
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/x--examine-symbols- ("x (Examine Symbols)"), learn.microsoft.com/windows-hardware/drivers/debuggercmds/ln--list-nearest-symbols- ("ln (List Nearest Symbols)")
x nt!PsActiveProcessHead
ln nt!PspCreateProcess
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/dt--display-type- ("dt (Display Type)"): the type's size on XP, the fields with their types, or their values
dt nt!_EPROCESS
dt nt!_EPROCESS @$proc
dt nt!_KTHREAD
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/d--da--db--dc--dd--dd--df--dp--dq--du--dw--dw--dyb--dyd--display-memor ("d, da, db ... (Display Memory)"): 8-digit addresses
dd @$peb L4
# format: learn.microsoft.com/windows-hardware/drivers/debuggercmds/lm--list-loaded-modules- ("lm (List Loaded Modules)"): 8-digit start and end on x86
lm m nt
bc 0
g
