package com.ntprocesslab.kernel.kd;

import java.util.ArrayList;
import java.util.List;

/**
 * How the machine got where it is: the commands that changed it since boot, each with the
 * position where it began and where it ended. Plain data, so a copied machine can still
 * travel. Commands are contiguous in time: each begins where the previous one ended.
 */
public final class TimeLine {
    /** One command that changed the machine, and the span of positions it ran. */
    public record Entry(String command, long start, long end) {
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

    void add(Entry entry) {
        entries.add(entry);
    }

    void replaceWith(List<Entry> past) {
        entries.clear();
        entries.addAll(past);
    }
}
