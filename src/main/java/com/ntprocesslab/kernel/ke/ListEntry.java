package com.ntprocesslab.kernel.ke;

import java.util.ArrayList;
import java.util.List;

/**
 * LIST_ENTRY: a circular doubly linked list whose head is an entry with no owner, as in
 * PsActiveProcessHead and KPROCESS.ThreadListHead. Kept as real links so the invariant
 * checker can verify Flink/Blink consistency.
 */
public final class ListEntry<T> {
    public ListEntry<T> flink = this;
    public ListEntry<T> blink = this;
    public final T owner;

    public ListEntry(T owner) {
        this.owner = owner;
    }

    public static <T> ListEntry<T> head() {
        return new ListEntry<>(null);
    }

    public boolean linked() {
        return flink != this;
    }

    public void insertTail(ListEntry<T> entry) {
        entry.blink = blink;
        entry.flink = this;
        blink.flink = entry;
        blink = entry;
    }

    public void remove() {
        blink.flink = flink;
        flink.blink = blink;
        flink = this;
        blink = this;
    }

    /** Owners from Flink order, starting after this head. */
    public List<T> owners() {
        List<T> result = new ArrayList<>();
        for (ListEntry<T> e = flink; e != this; e = e.flink) {
            result.add(e.owner);
        }
        return result;
    }

    public boolean isEmpty() {
        return flink == this;
    }
}
