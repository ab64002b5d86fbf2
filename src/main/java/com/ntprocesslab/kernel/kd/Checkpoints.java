package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.Map;
import java.util.TreeMap;

/**
 * Frozen copies of the machine along its recorded history, so that reaching any position
 * replays at most {@link #SPACING} steps (or {@link #COMMAND_SPACING} commands) plus the one
 * command that was running there, whatever the history's length. A checkpoint is taken
 * between two commands of the time line, once that much has passed since the previous one; it holds
 * the kernel and the thread execution stood in. Not part of a stored snapshot: a restored
 * machine takes them again as it replays or travels.
 */
public final class Checkpoints {
    /** Steps between two checkpoints: the most a travel replays before the command it lands in. */
    public static final long SPACING = 200_000;
    /** Or commands between two checkpoints, so a history of many short commands travels as fast. */
    public static final int COMMAND_SPACING = 500;

    /** The machine after the first {@code applied} commands of the time line. */
    record Checkpoint(int applied, long position, byte[] frozen) {
    }

    /** What a checkpoint freezes: one object graph, so the thread still belongs to the kernel. */
    record Frozen(Kernel kernel, EThread current) {
    }

    private final TreeMap<Integer, Checkpoint> byApplied = new TreeMap<>();
    private StateCopier copier;

    /** Keep checkpoints with this copier from now on. */
    public void keepWith(StateCopier copier) {
        this.copier = copier;
    }

    public int count() {
        return byApplied.size();
    }

    /** Bytes held by all checkpoints. */
    public long bytes() {
        long total = 0;
        for (Checkpoint c : byApplied.values()) {
            total += c.frozen().length;
        }
        return total;
    }

    /** After the first {@code applied} commands: freeze the machine if the previous checkpoint is far enough back. */
    void offer(int applied, Kernel kernel, EThread current, long origin) {
        if (copier == null || byApplied.containsKey(applied)) {
            return;
        }
        Map.Entry<Integer, Checkpoint> before = byApplied.lowerEntry(applied);
        long since = kernel.position - (before == null ? origin : before.getValue().position());
        Map.Entry<Integer, Checkpoint> after = byApplied.higherEntry(applied);
        long until = after == null ? Long.MAX_VALUE : after.getValue().position() - kernel.position;
        int commandsSince = applied - (before == null ? 0 : before.getKey());
        int commandsUntil = after == null ? Integer.MAX_VALUE : after.getKey() - applied;
        boolean farEnough = (since >= SPACING || commandsSince >= COMMAND_SPACING) && (until >= SPACING || commandsUntil >= COMMAND_SPACING);
        if (!farEnough) {
            return;
        }
        Engine.StepListener listener = kernel.engine.listener();
        // the step listener is the observer's, not the machine's (and often a lambda no copier can write)
        kernel.engine.setListener(null);
        try {
            byApplied.put(applied, new Checkpoint(applied, kernel.position, copier.freeze(new Frozen(kernel, current))));
        } finally {
            kernel.engine.setListener(listener);
        }
    }

    /** The latest checkpoint at or before {@code position}, or null (then replay starts at boot). */
    Checkpoint latestAtOrBefore(long position) {
        Checkpoint best = null;
        for (Checkpoint c : byApplied.values()) {
            if (c.position() > position) {
                break;
            }
            best = c;
        }
        return best;
    }

    Frozen thaw(Checkpoint checkpoint, Engine.StepListener listener) {
        Frozen frozen = (Frozen) copier.thaw(checkpoint.frozen());
        frozen.kernel().engine.setListener(listener);
        return frozen;
    }

    /** A fork forgets the recorded future: checkpoints after its first {@code applied} commands go with it. */
    void forgetAfter(int applied) {
        byApplied.tailMap(applied, false).clear();
    }
}
