package com.ntprocesslab.kernel.kd;

import java.util.ArrayList;
import java.util.List;

/**
 * The recorded history of the machine: the commands that changed it since boot, each with
 * the position where it began and where it ended. As in TTD, travelling back does not
 * change it: the machine may stand anywhere between {@link #origin} and {@link #present()},
 * and only a command run at the present adds to it. Plain data, so a copied machine can
 * still travel. Commands are contiguous in time: each begins where the previous one ended.
 */
public final class TimeLine {
    /** One command that changed the machine, and the span of positions it ran. */
    public record Entry(String command, long start, long end, int callRadix) {
        /** A command as this kernel reads it (a .call's numbers in radix 16). */
        public Entry(String command, long start, long end) {
            this(command, start, end, 16);
        }
    }

    /** The position right after boot: nothing earlier can be revisited. */
    public final long origin;
    private final List<Entry> entries = new ArrayList<>();

    TimeLine(long origin) {
        this.origin = origin;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    /** The number of commands that had ended by {@code position}. */
    int endedBy(long position) {
        int n = 0;
        while (n < entries.size() && entries.get(n).end() <= position) {
            n++;
        }
        return n;
    }

    /** The end of the recorded history: where the last recorded command left the machine. */
    public long present() {
        return entries.isEmpty() ? origin : entries.getLast().end();
    }

    void add(Entry entry) {
        entries.add(entry);
    }

    /**
     * Forgets the recorded future after {@code position}: the history of a machine that goes
     * on from there (a fork). A command running at that position ends there.
     */
    void cutAt(long position) {
        List<Entry> kept = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.end() <= position) {
                kept.add(entry);
            } else if (entry.start() < position) {
                kept.add(new Entry(entry.command(), entry.start(), position, entry.callRadix()));
            }
        }
        entries.clear();
        entries.addAll(kept);
    }
}
