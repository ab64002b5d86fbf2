package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.exec.Kernel;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.SystemInitialization;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverse execution by deterministic replay. To stand at position T the debugger boots a
 * fresh kernel and re-runs its time line: every command whose span ends by T in full, and
 * the one that was running at T stopped exactly there. Run commands stop at their recorded
 * end position instead of at breakpoints, so the replay takes exactly the same steps. The
 * time line is cut at T; breakpoints, being the debugger's and not the machine's, stay.
 *
 * <p>The travel command is not itself on the time line but it is an ordinary accepted
 * command in the session's log: replaying that log travels the same way again.
 */
final class TimeTravel {
    private TimeTravel() {
    }

    static CommandResult travelTo(Debugger d, long target) {
        long now = d.kernel.position;
        if (target > now) {
            return Debugger.reject("Position " + target + " is in the future: the machine is at position " + now
                    + ". Run forward with g, p or t.");
        }
        if (target < d.timeline.origin) {
            return Debugger.reject("Position " + target + " is before the end of boot (position " + d.timeline.origin
                    + "); the recorded history starts there.");
        }
        adopt(d, rebuild(d, target, null));
        return Debugger.accept("Time Travel Position: " + target + "\n" + Where.is(d.kernel, d.contextThread()));
    }

    /** t- (previous step), p- (previous step of this thread at this depth or above), g- (previous breakpoint hit). */
    static CommandResult reverse(Debugger d, char kind) {
        long now = d.kernel.position;
        if (now <= d.timeline.origin) {
            return Debugger.reject("Already at position " + now + ", the end of boot: there is no earlier step to go back to.");
        }
        if (kind == 't') {
            return travelTo(d, now - 1);
        }
        EThread thread = d.contextThread();
        long tid = thread == null ? -1 : thread.uniqueThread;
        int depth = thread == null ? 0 : thread.frames.size();
        List<Long> candidates = new ArrayList<>();
        Halt.Recorder recorder = (position, at) -> {
            if (position < now && (kind == 'g' ? d.breakpoints.match(at) != null
                    : at.thread().uniqueThread == tid && at.thread().frames.size() <= depth)) {
                candidates.add(position);
            }
        };
        rebuild(d, now, recorder);
        if (candidates.isEmpty()) {
            return Debugger.reject(kind == 'g'
                    ? "No enabled breakpoint was hit between the end of boot and position " + now + "."
                    : "The current thread made no earlier step at this depth since the end of boot.");
        }
        return travelTo(d, candidates.get(candidates.size() - 1));
    }

    /** A debugger whose kernel stands at {@code target}, rebuilt from boot by the time line. */
    private static Debugger rebuild(Debugger d, long target, Halt.Recorder recorder) {
        Kernel fresh = SystemInitialization.boot(d.kernel.profile, d.kernel.engine.listener());
        if (fresh.position != d.timeline.origin) {
            throw new IllegalStateException("Boot ended at position " + fresh.position + ", not " + d.timeline.origin + ": the kernel is not deterministic");
        }
        Debugger past = new Debugger(fresh, d.breakpoints, new TimeLine(d.timeline.origin));
        past.recorder = recorder;
        for (TimeLine.Entry entry : d.timeline.entries()) {
            if (entry.end() <= target) {
                replay(past, entry.command(), entry.end());
                past.timeline.add(entry);
            } else {
                if (entry.start() < target) {
                    replay(past, entry.command(), target);
                    past.timeline.add(new TimeLine.Entry(entry.command(), entry.start(), target));
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

    private static void replay(Debugger past, String command, long stop) {
        past.replayStop = stop;
        CommandResult result = past.dispatch(command).result();
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
        d.timeline.replaceWith(past.timeline.entries());
    }
}
