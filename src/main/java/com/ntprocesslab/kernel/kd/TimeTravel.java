package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.SystemInitialization;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;

/**
 * Time travel by deterministic replay, with TTD's rules. To stand at position T the debugger
 * boots a fresh kernel and re-runs its time line: every command whose span ends by T in
 * full, and the one that was running at T stopped exactly there. Run commands stop at their
 * recorded end position instead of at breakpoints, so the replay takes exactly the same
 * steps. The recorded history is never cut: while the machine stands before its present,
 * g, t, p and gu move forward along it (stopping where they would have stopped live) and
 * commands that would change the machine are refused. Breakpoints, being the debugger's
 * and not the machine's, stay as they are.
 *
 * <p>The travel command is not itself on the time line but it is an ordinary accepted
 * command in the session's log: replaying that log travels the same way again.
 */
final class TimeTravel {
    /** Ends a forward scan at its first stop, so it costs the distance to that stop, not to the present. */
    private static final class StopFound extends RuntimeException {
        StopFound() {
            super(null, null, false, false);
        }
    }

    private static final StopFound FOUND = new StopFound();

    private TimeTravel() {
    }

    static CommandResult travel(Debugger d, KdCommand.TravelTo command) {
        long origin = d.timeline.origin;
        long present = d.timeline.present();
        if (command.present()) {
            return travelTo(d, present);
        }
        if (command.percent()) {
            return travelTo(d, origin + (present - origin) * command.position() / 100);
        }
        return travelTo(d, command.position());
    }

    static CommandResult travelTo(Debugger d, long target) {
        long present = d.timeline.present();
        if (target > present) {
            return Debugger.reject("Position " + target + " is beyond the present, position " + present
                    + ": the recorded history ends there. Use !tt present, then g, p or t to run the machine on.");
        }
        if (target < d.timeline.origin) {
            return Debugger.reject("Position " + target + " is before the end of boot (position " + d.timeline.origin
                    + "); the recorded history starts there.");
        }
        adopt(d, rebuild(d, target, null));
        EThread at = d.contextThread();
        Location here = at == null ? null : d.kernel.engine.location(at);
        if (here != null && here.inCallee() && d.breakpoints.match(here) != null) {
            // the step about to run enters a function with a breakpoint: this position is where that
            // breakpoint hits, so the thread is shown at the function's entry, and g leaves it as
            // it would leave the hit (a call site shown as caller+offset is left by making the call)
            d.current = at;
            d.atEntry = true;
            return Debugger.accept(positionLine(d) + "\n" + Where.of(d, at));
        }
        return Debugger.accept(positionLine(d) + "\n" + Where.is(d.kernel, at));
    }

    /** TTD's line after every travel; at the end of the history it says that commands run live again. */
    private static String positionLine(Debugger d) {
        long now = d.kernel.position;
        return now == d.timeline.present()
                ? "Time Travel Position: " + now + " (the present: commands run the machine on from here)"
                : "Time Travel Position: " + now + " of " + d.timeline.present();
    }

    /**
     * g, t, p or gu while the machine stands in the past: the next position along the recorded
     * history where the command would stop (a breakpoint for g, the next step for t, the next
     * step of this thread at this depth or above for p, above it for gu), else the present.
     */
    static CommandResult forward(Debugger d, char command) {
        long start = d.kernel.position;
        boolean fromEntry = command != 'u' && Execution.entersRoutine(d);
        CommandResult result = forwardAlong(d, command);
        if (fromEntry && result.accepted()) {
            d.entryStepStart = start;
            d.entryStepEnd = d.kernel.position;
        }
        return result;
    }

    private static CommandResult forwardAlong(Debugger d, char command) {
        char kind = command;
        long start = d.kernel.position;
        if (Execution.entersRoutine(d)) {
            // at a breakpoint on a routine the call is already made, as live (see Execution.stepInto)
            if (kind == 'u') {
                kind = 'p';
            } else {
                CommandResult entered = travelTo(d, start + 1);
                if (kind == 't' || !entered.accepted() || !d.inThePast()) {
                    return kind == 't' && entered.accepted() && d.inThePast() ? travelTo(d, start + 2) : entered;
                }
            }
        }
        long now = d.kernel.position;
        if (kind == 't') {
            return travelTo(d, now + 1);
        }
        EThread thread = Execution.nextThread(d.kernel);
        long tid = thread == null ? -1 : thread.uniqueThread;
        int depth = thread == null ? 0 : thread.frames.size();
        char scan = kind;
        long[] stop = {-1};
        Breakpoint[] hit = {null};
        Halt.Recorder recorder = (position, at) -> {
            if (stop[0] >= 0 || position <= now) {
                return;
            }
            Breakpoint b = d.breakpoints.match(at);
            boolean stepped = scan != 'g' && Where.thread(at).uniqueThread == tid
                    && (scan == 'p' ? at.thread().frames().size() <= depth : at.thread().frames().size() < depth);
            if (b != null || stepped) {
                stop[0] = position;
                hit[0] = b;
                throw FOUND;
            }
        };
        if (kind != 'g' || d.breakpoints.anyEnabled()) {
            try {
                rebuild(d, d.checkpoints.latestAtOrBefore(now), d.timeline.present(), recorder);
            } catch (StopFound found) {
                // the scan ends at the first stop; the throwaway machine it ran on is dropped
            }
        }
        if (stop[0] < 0) {
            return travelTo(d, d.timeline.present());
        }
        adopt(d, rebuild(d, stop[0], null));
        EThread at = d.contextThread();
        d.atEntry = hit[0] != null && at != null && hit[0].symbol().equalsIgnoreCase(d.kernel.engine.location(at).symbol());
        String where = Where.is(d.kernel, at);
        return Debugger.accept(hit[0] == null ? where
                : "Breakpoint " + hit[0].id() + " hit\n" + Where.of(d, at));
    }

    /** The answer to a command that would change the machine while it stands in the past. */
    static CommandResult refuseInThePast(Debugger d, String command) {
        return Debugger.reject("The machine stands in the past (position " + d.kernel.position + "; the present is "
                + d.timeline.present() + "), and its recorded future cannot change: '" + command.trim()
                + "' is refused. Return to the present with !tt present and run it there, or run .fork to make a new "
                + "machine that goes on from this moment (this one stays as it is).");
    }

    /** t- (previous step), p- (previous step of this thread at this depth or above), g- (previous breakpoint hit). */
    static CommandResult reverse(Debugger d, char kind) {
        long now = d.kernel.position;
        if (now <= d.timeline.origin) {
            return Debugger.reject("Already at position " + now + ", the end of boot: there is no earlier step to go back to.");
        }
        if ((kind == 't' || kind == 'p') && now == d.entryStepEnd && d.entryStepStart >= d.timeline.origin) {
            return backToEntry(d);
        }
        if (kind == 't') {
            return travelTo(d, now - 1);
        }
        EThread thread = d.contextThread();
        long tid = thread == null ? -1 : thread.uniqueThread;
        int depth = thread == null ? 0 : thread.frames.size();
        long[] before = {now};
        List<Long> candidates = new ArrayList<>();
        Halt.Recorder recorder = (position, at) -> {
            if (position < before[0] && (kind == 'g' ? d.breakpoints.match(at) != null
                    : Where.thread(at).uniqueThread == tid && at.thread().frames().size() <= depth)) {
                candidates.add(position);
            }
        };
        // scan back one checkpoint interval at a time: the nearest earlier stop costs a bounded replay
        Checkpoints.Checkpoint from = d.checkpoints.latestAtOrBefore(now);
        while (true) {
            rebuild(d, from, before[0], recorder);
            if (!candidates.isEmpty()) {
                CommandResult travelled = travelTo(d, candidates.getLast());
                return kind == 'g' ? hitAgain(d, travelled) : travelled;
            }
            if (from == null) {
                return Debugger.reject(kind == 'g'
                        ? "No enabled breakpoint was hit between the end of boot and position " + now + "."
                        : "The current thread made no earlier step at this depth since the end of boot.");
            }
            before[0] = from.position();
            from = d.checkpoints.latestAtOrBefore(from.position() - 1);
        }
    }

    /** t- or p- after a step from a routine's entry: back to that entry, shown as before the step. */
    private static CommandResult backToEntry(Debugger d) {
        long start = d.entryStepStart;
        CommandResult travelled = travelTo(d, start);
        d.current = d.contextThread();
        d.atEntry = d.current != null && d.kernel.engine.location(d.current) != null && d.kernel.engine.location(d.current).symbol() != null;
        return d.atEntry ? Debugger.accept(positionLine(d) + "\n" + Where.of(d, d.current)) : travelled;
    }

    /** g- stands where a breakpoint hit: said so, and shown as at that hit (the function's entry). */
    private static CommandResult hitAgain(Debugger d, CommandResult travelled) {
        EThread at = d.contextThread();
        Breakpoint hit = at == null ? null : d.breakpoints.match(d.kernel.engine.location(at));
        if (hit == null) {
            return travelled;
        }
        d.current = at;
        d.atEntry = hit.symbol().equalsIgnoreCase(d.kernel.engine.location(at).symbol());
        return Debugger.accept(positionLine(d) + "\nBreakpoint " + hit.id() + " hit\n" + Where.of(d, at));
    }

    /** The machine as it stood at {@code target} of the recorded history, rebuilt aside: the debugger's own stays where it is. */
    static Kernel kernelAt(Debugger d, long target) {
        return rebuild(d, target, null).kernel;
    }

    /**
     * A debugger whose kernel stands at {@code target}: thawed from the latest checkpoint at or
     * before it (else booted afresh), then the time line replayed from there.
     */
    private static Debugger rebuild(Debugger d, long target, Halt.Recorder recorder) {
        return rebuild(d, d.checkpoints.latestAtOrBefore(target), target, recorder);
    }

    /** As above from a chosen checkpoint (null: boot), so a recorder sees every step from there to {@code target}. */
    private static Debugger rebuild(Debugger d, Checkpoints.Checkpoint from, long target, Halt.Recorder recorder) {
        Debugger past;
        int applied;
        if (from == null) {
            Kernel fresh = SystemInitialization.boot(d.kernel.profile, d.kernel.bootSeed, d.kernel.engine.listener());
            if (fresh.position != d.timeline.origin) {
                throw new IllegalStateException("Boot ended at position " + fresh.position + ", not " + d.timeline.origin + ": the kernel is not deterministic");
            }
            past = new Debugger(fresh, d.breakpoints, new TimeLine(d.timeline.origin), d.checkpoints);
            applied = 0;
        } else {
            Checkpoints.Frozen frozen = d.checkpoints.thaw(from, d.kernel.engine.listener());
            past = new Debugger(frozen.kernel(), d.breakpoints, new TimeLine(d.timeline.origin), d.checkpoints);
            past.current = frozen.current();
            applied = from.applied();
        }
        past.recorder = recorder;
        List<TimeLine.Entry> entries = d.timeline.entries();
        for (int i = applied; i < entries.size(); i++) {
            TimeLine.Entry entry = entries.get(i);
            if (entry.end() <= target) {
                replay(past, entry, entry.end());
                d.checkpoints.offer(i + 1, past.kernel, past.current, d.timeline.origin);
            } else {
                if (entry.start() < target) {
                    replay(past, entry, target);
                }
                break;
            }
        }
        if (past.kernel.position != target) {
            throw new IllegalStateException("Replay reached position " + past.kernel.position + " instead of " + target);
        }
        past.recorder = null;
        return past;
    }

    private static void replay(Debugger past, TimeLine.Entry entry, long stop) {
        String command = entry.command();
        past.replayStop = stop;
        past.callRadix = entry.callRadix();
        CommandResult result = past.dispatch(command).result();
        past.callRadix = 16;
        past.replayStop = -1;
        if (!result.accepted()) {
            throw new IllegalStateException("Replaying '" + command + "' was rejected: " + result.output());
        }
    }

    private static void adopt(Debugger d, Debugger past) {
        d.kernel = past.kernel;
        d.machine = past.machine;
        d.current = past.current;
        d.ran();
    }
}
