package com.ntprocesslab.kernel.kd;

import java.util.List;

/**
 * One debugger command, parsed and syntax-checked, not yet applied. Numbers are already
 * numbers; symbols and addresses are resolved when the command is decided.
 */
public sealed interface KdCommand {
    /** {@code bp}, {@code bu} or {@code bm}: {@code kind} is 'p', 'u' or 'm'. */
    record SetBreakpoint(char kind, String expression) implements KdCommand {}
    /** {@code bl}. */
    record ListBreakpoints() implements KdCommand {}
    /** {@code bc}, {@code bd}, {@code be} over a selection ({@code all} for {@code *}). */
    record ChangeBreakpoints(char action, boolean all, List<Integer> ids) implements KdCommand {}
    /** {@code g}. */
    record Go() implements KdCommand {}
    /** {@code t}. */
    record StepInto() implements KdCommand {}
    /** {@code p}. */
    record StepOver() implements KdCommand {}
    /** {@code gu}. */
    record StepOut() implements KdCommand {}
    /** {@code t-}, {@code p-}, {@code g-}: back to the previous step, step at this depth, or breakpoint hit. */
    record Reverse(char kind) implements KdCommand {}
    /**
     * {@code !tt <position>}, {@code !tt <percent>} or {@code !tt present}. As in TTD, 0 to 100 is
     * a percentage of the recorded history (no position that small exists: boot takes longer);
     * a larger number is a position; {@code present} is the end of the recorded history.
     */
    record TravelTo(long position, boolean percent, boolean present) implements KdCommand {}
    /** {@code .fork}: this machine goes on from where it stands; its recorded future is forgotten. */
    record Fork() implements KdCommand {}
    /** {@code k}, {@code kn}, {@code kb} or {@code kv}: {@code kind} is the letter after k, or 0 for plain k. */
    /** k, kn, kb, kv with an optional frame count (0: every frame). */
    record Stack(char kind, int frames) implements KdCommand {}
    /** {@code r}: the registers the machine models. */
    record Registers() implements KdCommand {}
    /** {@code u} (eight steps) or {@code uf} (the whole routine) at a symbol or address; null: where the thread stands. */
    record Unassemble(String where, boolean wholeFunction) implements KdCommand {}
    /** {@code vertarget}. */
    record VersionTarget() implements KdCommand {}
    /** {@code !irql}. */
    record Irql() implements KdCommand {}
    /** {@code !diff}: what the machine changed since the previous stop, in structure terms. */
    record Diff() implements KdCommand {}
    /** {@code .reload}. */
    record Reload() implements KdCommand {}
    /** {@code .help} or {@code ?}: the commands, one line each. */
    record Help() implements KdCommand {}
    /** {@code .cls}: clears the console's view; the machine and its log have nothing to clear, so it prints nothing here. */
    record ClearScreen() implements KdCommand {}
    /** {@code ? number}: the number in decimal and hex. */
    record Evaluate(long value) implements KdCommand {}
    /** {@code n [radix]}: show or set the default radix (8, 10 or 16). */
    record Radix(Integer radix) implements KdCommand {}
    /** {@code x module!pattern}. */
    record Examine(String pattern) implements KdCommand {}
    /** {@code lm} or {@code lm m pattern}: the loaded images, optionally those whose name matches. */
    record ListModules(String pattern) implements KdCommand {}
    /** {@code ln <address>}. */
    /** ln address, or ln module!symbol (symbol set, address resolved when run). */
    record NearSymbol(long address, String symbol) implements KdCommand {}
    /**
     * {@code !process [0 | -1 | cid | address] [flags] [image]}; a null target (or -1) is the
     * current process, 0 every process (those with the image name when one is given).
     */
    record Process(Long target, int flags, String image) implements KdCommand {
        Process(Long target, int flags) {
            this(target, flags, null);
        }
    }
    /** {@code !thread [address | -1]}; null is the current thread. */
    record Thread(Long address) implements KdCommand {}
    /** {@code !handle [handle] [flags] [cid]}: 0 or null handle lists them all. */
    record Handle(Long handle, long flags, Long cid) implements KdCommand {}
    /** {@code !peb}, {@code !teb}, {@code !vad} with an optional address. */
    record Block(String which, Long address) implements KdCommand {}
    /** {@code !object <address>}. */
    record ObjectInfo(long address) implements KdCommand {}
    /** {@code dq} / {@code dd} {@code <symbol|address> [L<count>]}: quadwords or doublewords of a data object the machine models. */
    record DisplayMemory(int width, String symbol, Long address, int count) implements KdCommand {}
    /** {@code dt nt!_TYPE <address>}. */
    /** dt nt!_TYPE [address]: without an address, the type's layout. */
    record DisplayType(String type, Long address) implements KdCommand {}
    /** {@code .process [/p] [/r] [address]} / {@code .thread [address]}: show or set the context. */
    record Context(boolean process, Long address, boolean translate, boolean reloadUser) implements KdCommand {
        Context(boolean process, Long address) {
            this(process, address, false, false);
        }
    }
    /** {@code !csrss}: the CSR_PROCESS lists of every session. */
    record CsrList() implements KdCommand {}
    /** {@code !alpc /p <port>} (Windows 10) or {@code !lpc port <port>} (XP): a port, its queue and the threads waiting on it. */
    record PortInfo(boolean alpc, long address) implements KdCommand {}
}
