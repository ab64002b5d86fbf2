package com.ntprocesslab.kernel.ob;

import java.util.ArrayList;
import java.util.List;

/**
 * A process handle table. Handle values are multiples of 4 starting at 4, and the lowest
 * free value is always reused first, so undoing a creation restores the table exactly.
 */
public final class HandleTable {
    public final long address;
    private final List<HandleEntry> slots = new ArrayList<>();
    private int handleCount;
    /** HANDLE_TABLE.UniqueProcessId: the owner's ID, set by ExSetHandleTableOwner once the process has one (XP). */
    public long uniqueProcessId;

    public HandleTable(long address) {
        this.address = address;
    }

    public int handleCount() {
        return handleCount;
    }

    int insert(HandleEntry entry) {
        int index = slots.indexOf(null);
        if (index < 0) {
            slots.add(entry);
            index = slots.size() - 1;
        } else {
            slots.set(index, entry);
        }
        handleCount++;
        return (index + 1) * 4;
    }

    public HandleEntry lookup(long handle) {
        if (handle <= 0 || handle % 4 != 0 || handle / 4 > slots.size()) {
            return null;
        }
        return slots.get((int) (handle / 4 - 1));
    }

    HandleEntry remove(long handle) {
        HandleEntry entry = lookup(handle);
        if (entry != null) {
            slots.set((int) (handle / 4 - 1), null);
            handleCount--;
            while (!slots.isEmpty() && slots.get(slots.size() - 1) == null) {
                slots.remove(slots.size() - 1);
            }
        }
        return entry;
    }

    /** Handle values in use, ascending. */
    public List<Long> handles() {
        List<Long> result = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) != null) {
                result.add((long) (i + 1) * 4);
            }
        }
        return result;
    }
}
