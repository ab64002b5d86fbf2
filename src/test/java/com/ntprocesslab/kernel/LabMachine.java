package com.ntprocesslab.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.inspect.Snapshot;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test support: machines whose invariants are checked after every single step. */
public final class LabMachine {
    private LabMachine() {
    }

    /** Every step of the machine, including boot, is followed by the full invariant check. */
    public static Machine boot() {
        return boot(Profile.MODERN);
    }

    /** A machine of either kernel, checked after every step from its first one. */
    public static Machine boot(Profile profile) {
        return Machine.boot(profile, LabMachine::checkAfterStep);
    }

    private static void checkAfterStep(Engine.StepEvent<Kernel, EThread> event) {
        List<String> problems = InvariantChecker.check(event.kernel());
        if (!problems.isEmpty()) {
            throw new AssertionError("After step " + event.position() + " (" + event.symbol() + " in " + event.routine() + "): " + problems);
        }
    }

    public static CommandResult ok(Machine m, String command) {
        CommandResult r = m.execute(command);
        assertTrue(r.accepted(), () -> command + " was rejected: " + r.output());
        return r;
    }

    public static PendingCall begin(Machine m, String command) {
        Object started = m.commands().begin(command);
        if (started instanceof CommandResult r) {
            throw new AssertionError(command + " was rejected: " + r.output());
        }
        return (PendingCall) started;
    }

    /**
     * Runs a begun .call's thread as the engine would alone, and when it waits for csrss's
     * reply lets the machine run (csrss's server thread takes the message) until the reply
     * has woken it; then the thread goes on alone. Stops where {@code stop} says.
     */
    public static Engine.RunResult runCall(Machine m, PendingCall call, Engine.StopCheck stop) {
        EThread thread = call.thread();
        Engine.RunResult run = m.engine().runThread(thread, call::finished, 10_000, stop);
        while (run.reason() == Engine.Reason.BLOCKED && thread.tcb.waitReason == KWaitReason.WrLpcReply) {
            Engine.RunResult served = m.engine().runScheduler(10_000, stop, () -> thread.tcb.state != KThreadState.Waiting);
            if (served.reason() != Engine.Reason.COMPLETED) {
                return served;
            }
            m.kernel().scheduler.readyQueue.remove(thread);
            thread.tcb.state = KThreadState.Running;
            run = m.engine().runThread(thread, call::finished, 10_000, stop);
        }
        return run;
    }

    public static EProcess process(Machine m, String image) {
        EProcess found = null;
        for (EProcess p : m.kernel().processes()) {
            if (p.imageFileName.equalsIgnoreCase(image)) {
                found = p;
            }
        }
        return found;
    }

    public static EProcess processByPid(Kernel k, long pid) {
        for (EProcess p : k.processes()) {
            if (p.uniqueProcessId == pid) {
                return p;
            }
        }
        return null;
    }

    /** The snapshot tree without what time alone changes (position, clock, last .call, TEB error fields). */
    public static Object timeless(Machine m) {
        return strip(Snapshot.tree(m.kernel()), Set.of("Position", "InterruptTime", "LastCall", "LastErrorValue", "LastStatusValue"));
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (!keys.contains(e.getKey())) {
                    copy.put(e.getKey(), strip(e.getValue(), keys));
                }
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object o : list) {
                copy.add(strip(o, keys));
            }
            return copy;
        }
        return node;
    }

    /**
     * The thread a stop stands on, as "thread 0x<tid> of <image>", read from {@code !thread -1}
     * (WinDbg prints no thread at a breakpoint hit; "!thread" in Microsoft's debugger reference).
     */
    public static String currentThread(Machine machine) {
        String out = machine.execute("!thread -1").output();
        java.util.regex.Matcher cid = java.util.regex.Pattern.compile("Cid ([0-9a-f]+)\\.([0-9a-f]+)").matcher(out);
        java.util.regex.Matcher image = java.util.regex.Pattern.compile("Owning Process\\s+\\S+\\s+Image:\\s+(\\S+)").matcher(out);
        if (!cid.find() || !image.find()) {
            throw new AssertionError("!thread -1 printed no thread: " + out);
        }
        return "thread 0x" + Long.toHexString(Long.parseLong(cid.group(2), 16)) + " of " + image.group(1);
    }
}
