package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.kd.Command;
import com.ntprocesslab.kernel.kd.CommandExecutor;
import com.ntprocesslab.kernel.kd.CommandParser;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * The kernel debugger attached to one machine: the one command language of the console,
 * lab scripts and scenario files. It owns the debugger's own state (breakpoints, the
 * current thread, the .process/.thread context, the time line) as plain data next to the
 * kernel; time travel swaps in a kernel rebuilt at an earlier position and keeps the rest.
 *
 * <p>Every command is decided before it is applied: a rejected one leaves the kernel and
 * the debugger exactly as they were.
 */
public final class Debugger {
    Kernel kernel;
    CommandExecutor machine;
    final Breakpoints breakpoints;
    final TimeLine timeline;
    /** Shared with the throwaway debuggers that rebuild the past, so their replays leave checkpoints too. */
    final Checkpoints checkpoints;
    /** The thread where execution last stopped or stepped: what k, !thread and !teb show by default. */
    EThread current;
    /** Set by .thread / .process; the next run of the machine clears it, as in WinDbg. */
    EThread threadContext;
    EProcess processContext;
    /** While a past position is rebuilt: run commands stop at this position instead of at breakpoints. */
    long replayStop = -1;
    /**
     * The last stop was a breakpoint on the function the current thread's next step enters: k,
     * r and u show that function's entry (as WinDbg does at a breakpoint on it); otherwise they
     * show the caller's call instruction. Any run or travel clears it.
     */
    boolean atEntry;
    /**
     * The last step taken from a routine's entry (see {@link #atEntry}) began at this position and
     * ended at {@link #entryStepEnd}: t- or p- from its end returns to its start and shows the
     * entry again, so a step back undoes such a step as it undoes any other. -1 when none.
     */
    long entryStepStart = -1;
    long entryStepEnd = -1;
    /** The radix of numbers typed without 0x or 0n (n sets it): the debugger's, not the machine's, so travel keeps it. */
    int radix = 16;
    /** The radix of a .call's numbers without 0x or 0n in the command being run (see {@link #execute(String, int)}). */
    int callRadix = 16;
    /** Where the machine stood before the last command that moved it (forward or back): !diff compares with it. -1 before any. */
    long previousStop = -1;
    /** Only on the throwaway debugger that rebuilds the past for p- and g-; never on a live machine. */
    Halt.Recorder recorder;

    public Debugger(Kernel kernel) {
        this(kernel, new Breakpoints(), new TimeLine(kernel.position), new Checkpoints());
    }

    Debugger(Kernel kernel, Breakpoints breakpoints, TimeLine timeline, Checkpoints checkpoints) {
        this.kernel = kernel;
        this.machine = new CommandExecutor(kernel);
        this.breakpoints = breakpoints;
        this.timeline = timeline;
        this.checkpoints = checkpoints;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The machine commands (.call, .reg ...), including {@code begin} to start a .call without running it. */
    public CommandExecutor machineCommands() {
        return machine;
    }

    public Breakpoints breakpoints() {
        return breakpoints;
    }

    public TimeLine timeline() {
        return timeline;
    }

    public CommandResult execute(String line) {
        return execute(line, 16);
    }

    /**
     * Runs a command line reading a .call's numbers without 0x or 0n in {@code callRadix}: 16 as
     * WinDbg does, 10 when replaying a log recorded by a kernel that read them in decimal.
     */
    public CommandResult execute(String line, int callRadix) {
        this.callRadix = callRadix;
        try {
            return executeLine(line);
        } finally {
            this.callRadix = 16;
        }
    }

    private CommandResult executeLine(String line) {
        long start = kernel.position;
        CommandResult result = start < timeline.present() ? inThePast(line == null ? "" : line) : atThePresent(line);
        if (kernel.position != start) {
            previousStop = start;
        }
        return result;
    }

    private CommandResult atThePresent(String line) {
        long start = kernel.position;
        Outcome outcome = dispatch(line == null ? "" : line);
        if (outcome.result.accepted() && outcome.changesMachine) {
            timeline.add(new TimeLine.Entry(line.trim(), start, kernel.position, callRadix));
            checkpoints.offer(timeline.size(), kernel, current, timeline.origin);
        }
        return outcome.result;
    }

    /** True while the machine stands before the end of its recorded history. */
    public boolean inThePast() {
        return kernel.position < timeline.present();
    }

    /**
     * In the past nothing is added to the history: run commands move forward along it,
     * inspection answers as usual, anything else that would change the machine is refused.
     */
    private CommandResult inThePast(String line) {
        KdParser.Parsed kd = KdParser.parse(line, radix);
        if (kd != null && kd.error() == null) {
            return switch (kd.command()) {
                case KdCommand.Go g -> TimeTravel.forward(this, 'g');
                case KdCommand.StepInto t -> TimeTravel.forward(this, 't');
                case KdCommand.StepOver p -> TimeTravel.forward(this, 'p');
                case KdCommand.StepOut gu -> TimeTravel.forward(this, 'u');
                default -> dispatch(line).result;
            };
        }
        if (kd == null) {
            CommandParser.Parsed parsed = CommandParser.parse(line);
            if (parsed.error() == null && !(parsed.command() instanceof Command.Dump) && !(parsed.command() instanceof Command.Invariants)) {
                return TimeTravel.refuseInThePast(this, line);
            }
        }
        return dispatch(line).result;
    }

    /**
     * Makes the machine's present the position where it stands, forgetting the recorded
     * future: what a fork does to its new machine (the original keeps its history).
     */
    public void forgetRecordedFuture() {
        checkpoints.forgetAfter(timeline.endedBy(kernel.position));
        timeline.cutAt(kernel.position);
    }

    private CommandResult fork() {
        long forgotten = timeline.present() - kernel.position;
        forgetRecordedFuture();
        return accept("Forked at position " + kernel.position + ": this machine goes on from here"
                + (forgotten == 0 ? "." : "; the " + forgotten + " recorded steps after it belong to the machine it was forked from."));
    }

    /** An answer, and whether the command changed the machine (and so belongs on the time line). */
    record Outcome(CommandResult result, boolean changesMachine) {
        static Outcome look(CommandResult result) {
            return new Outcome(result, false);
        }

        static Outcome change(CommandResult result) {
            return new Outcome(result, true);
        }
    }

    Outcome dispatch(String line) {
        String control = controlCharacter(line);
        if (control != null) {
            return Outcome.look(reject(control));
        }
        PseudoRegisters.Expanded expanded = PseudoRegisters.expand(this, line);
        if (expanded.error() != null) {
            return Outcome.look(reject(expanded.error()));
        }
        line = expanded.line();
        KdParser.Parsed kd = KdParser.parse(line, radix);
        if (kd == null) {
            CommandParser.Parsed parsed = CommandParser.parse(line);
            if (parsed.error() != null) {
                return Outcome.look(reject(parsed.error()));
            }
            return switch (parsed.command()) {
                case Command.Call c -> Outcome.change(Execution.call(this, c));
                case Command.Dump d -> Outcome.look(machine.apply(d));
                case Command.Invariants i -> Outcome.look(machine.apply(i));
                default -> Outcome.change(machine.apply(parsed.command()));
            };
        }
        if (kd.error() != null) {
            return Outcome.look(reject(kd.error()));
        }
        return switch (kd.command()) {
            case KdCommand.Go g -> Outcome.change(Execution.go(this));
            case KdCommand.StepInto t -> Outcome.change(Execution.stepInto(this));
            case KdCommand.StepOver p -> Outcome.change(Execution.stepOver(this, false));
            case KdCommand.StepOut gu -> Outcome.change(Execution.stepOver(this, true));
            case KdCommand.Reverse r -> Outcome.look(TimeTravel.reverse(this, r.kind()));
            case KdCommand.TravelTo t -> Outcome.look(TimeTravel.travel(this, t));
            case KdCommand.Fork f -> Outcome.look(fork());
            case KdCommand.SetBreakpoint b -> Outcome.look(BreakpointCommands.set(this, b));
            case KdCommand.ListBreakpoints b -> Outcome.look(accept(breakpoints.render(kernel.profile)));
            case KdCommand.ChangeBreakpoints b -> Outcome.look(BreakpointCommands.change(this, b));
            case KdCommand.Stack s -> Outcome.look(StackView.firstFrames(StackView.k(this, s.kind()), s.frames()));
            case KdCommand.Registers r -> Outcome.look(Registers.show(this));
            case KdCommand.Unassemble u -> Outcome.look(CodeView.unassemble(this, u));
            case KdCommand.DisplayMemory m -> Outcome.look(MemoryDump.display(this, m));
            case KdCommand.VersionTarget v -> Outcome.look(TargetView.versionTarget(this));
            case KdCommand.Irql i -> Outcome.look(TargetView.irql(this));
            case KdCommand.Diff f -> Outcome.look(DiffView.diff(this));
            case KdCommand.Reload r -> Outcome.look(TargetView.reload(this));
            case KdCommand.Radix n -> Outcome.look(radix(n));
            case KdCommand.Help h -> Outcome.look(HelpView.help());
            case KdCommand.ClearScreen c -> Outcome.look(accept(""));
            case KdCommand.Evaluate e -> Outcome.look(HelpView.evaluate(this, e.value()));
            case KdCommand.Examine x -> Outcome.look(SymbolView.examine(x.pattern(), kernel.profile));
            case KdCommand.ListModules l -> Outcome.look(TargetView.modules(this, l.pattern()));
            case KdCommand.NearSymbol n -> Outcome.look(SymbolView.near(n, kernel.profile));
            case KdCommand.Process p -> Outcome.look(ProcessView.process(this, p));
            case KdCommand.Thread t -> Outcome.look(ProcessView.thread(this, t.address()));
            case KdCommand.Handle h -> Outcome.look(HandleView.handle(this, h));
            case KdCommand.Block b -> Outcome.look(MemoryView.block(this, b));
            case KdCommand.ObjectInfo o -> Outcome.look(ObjectView.object(this, o.address()));
            case KdCommand.DisplayType t -> Outcome.look(TypeView.display(this, t));
            case KdCommand.Context c -> Outcome.look(ContextCommands.context(this, c));
            case KdCommand.CsrList c -> Outcome.look(CsrView.list(kernel));
            case KdCommand.PortInfo p -> Outcome.look(PortView.port(this, p));
        };
    }

    /** n: shows the radix, or sets it (printing nothing, as WinDbg does). */
    private CommandResult radix(KdCommand.Radix n) {
        if (n.radix() == null) {
            return accept("base is " + radix);
        }
        radix = n.radix();
        return accept("");
    }

    /** Why a line with a control character (other than a tab) is no command, or null: both parsers split on blanks only. */
    private static String controlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return String.format("A command cannot hold control characters; this one has U+%04X at column %d. Type or paste plain text.",
                        (int) c, i + 1);
            }
        }
        return null;
    }

    /** The thread inspection commands default to: the .thread context, else where execution stands. */
    EThread contextThread() {
        if (threadContext != null) {
            return threadContext;
        }
        if (current != null && !current.deleted && current.process != null) {
            return current;
        }
        return Execution.nextThread(kernel);
    }

    /**
     * Whether {@code thread} is shown inside the function its next step enters: after a
     * breakpoint on it (see {@link #atEntry}), or while the thread waits there (a blocked step
     * is retried when the wait ends, so the thread is inside that function, as k shows it).
     */
    boolean showsEntry(EThread thread) {
        if (thread == null || kernel.engine.location(thread) == null || kernel.engine.location(thread).symbol() == null) {
            return false;
        }
        return thread.tcb.state == KThreadState.Waiting || atEntry && thread == current;
    }

    /** The process inspection commands default to: the .process context, else the context thread's. */
    EProcess contextProcess() {
        if (processContext != null) {
            return processContext;
        }
        EThread thread = contextThread();
        return thread == null ? null : thread.process;
    }

    /** The machine ran: the context returns to where execution stands. */
    void ran() {
        threadContext = null;
        processContext = null;
        atEntry = false;
    }

    static CommandResult accept(String output) {
        return new CommandResult(true, output);
    }

    static CommandResult reject(String output) {
        return new CommandResult(false, output);
    }
}
