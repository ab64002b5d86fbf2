package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;

/**
 * .help and ? list the commands, one line each; "? expression" evaluates a number and prints it
 * as WinDbg does ("? (Evaluate Expression)" in Microsoft's debugger reference:
 * {@code Evaluate expression: 68 = 00000000`00000044}).
 */
final class HelpView {
    private static final String COMMANDS = """
            bp bu bm <symbol>          set a breakpoint (bm takes wildcards: bm nt!Psp*Process)
            bl / bc bd be <n|*>        list / clear, disable, enable breakpoints
            g  p  t  gu                go, step over, step into, step out (F5, F10, F11, Shift+F11)
            t- p- g-                   step back, back over, back to the previous breakpoint hit
            !tt <position|percent|present>  travel in the recorded history
            .fork                      a new machine that goes on from this moment
            k kn kb kv [frames]        the stack (kb/kv with the arguments)
            r                          the registers this machine models
            u uf <symbol|address>      a routine's steps as code (u eight, uf all)
            x <module!pattern>         symbols matching a pattern
            ln <address>               the nearest symbol
            lm [m <pattern>]           the loaded images
            dq dd <address> [L<n>]     memory as quadwords or doublewords
            dt nt!<type> [address]     a structure (_EPROCESS, _ETHREAD, _KPROCESS, _KTHREAD, _PEB, _TEB, _HANDLE_TABLE, _OBJECT_HEADER)
            !process [0|-1|cid|addr] [flags] [image]  processes
            !thread [addr|-1]          a thread
            !handle [handle] [flags] [cid]  handle tables
            !peb !teb !vad [addr]      the PEB, TEB, VAD tree
            !object <addr>             an object's header
            !csrss                     csrss's CSR_PROCESS lists
            !alpc /p, !lpc port <addr> a port: its queue, its connection, the threads waiting (Windows 10, XP)
            !irql                      the IRQL
            !diff                      what changed since the previous stop (structures, fields, handles)
            .process [/p] [/r] <addr>  the process the inspection commands show
            .thread <addr>             the thread they show
            .reload                    load the symbols
            vertarget                  the target's version
            n [8|10|16]                the default radix (16; 0n marks decimal, 0x hex)
            ? <number>                 evaluate a number
            .call <image|pid> <Api> [args]  run an API on a process's thread
            .reg add|delete  .file add  .fail <kind>  change the machine
            .dump  .invariants         the machine as JSON, its invariant check
            .cls                       clear the console view (the log keeps everything)""";

    private HelpView() {
    }

    static CommandResult help() {
        return Debugger.accept(COMMANDS);
    }

    static CommandResult evaluate(Debugger d, long value) {
        return Debugger.accept("Evaluate expression: " + value + " = " + d.kernel.platform.pointer(value));
    }
}
