package com.ntprocesslab.kernel.ob;

import java.util.ArrayList;
import java.util.List;

/**
 * A process handle table. Handle values are multiples of 4 from the table's first value (4,
 * or where the boot seed starts it), and the lowest free value is always reused first, so
 * undoing a creation restores the table exactly.
 */
public final class HandleTable {
    public final long address;
    private final List<HandleEntry> slots = new ArrayList<>();
    private int handleCount;
    /** HANDLE_TABLE.UniqueProcessId: the owner's ID, set by ExSetHandleTableOwner once the process has one (XP). */
    public long uniqueProcessId;
    private final long firstHandle;

    public HandleTable(long address) {
        this(address, 4);
    }

    public HandleTable(long address, long firstHandle) {
        if (firstHandle < 4 || firstHandle % 4 != 0) {
            throw new IllegalArgumentException("Handle values are multiples of 4 from 4: " + firstHandle);
        }
        this.address = address;
        this.firstHandle = firstHandle;
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
        return (int) (firstHandle + index * 4L);
    }

    /** An entry at a given handle value (ExDupHandleTable keeps the parent's values). */
    void insertAt(long handle, HandleEntry entry) {
        if (handle < firstHandle || handle % 4 != 0) {
            throw new IllegalArgumentException("Handle " + handle + " is below the table's first value " + firstHandle);
        }
        int index = indexOf(handle);
        while (slots.size() <= index) {
            slots.add(null);
        }
        if (slots.get(index) != null) {
            throw new IllegalStateException("Handle " + handle + " is in use");
        }
        slots.set(index, entry);
        handleCount++;
    }

    public HandleEntry lookup(long handle) {
        if (handle < firstHandle || handle % 4 != 0 || (handle - firstHandle) / 4 >= slots.size()) {
            return null;
        }
        return slots.get(indexOf(handle));
    }

    /** SetHandleInformation's HANDLE_FLAG_INHERIT: the entry keeps its object and access. */
    boolean setInherit(long handle, boolean inherit) {
        HandleEntry entry = lookup(handle);
        if (entry == null) {
            return false;
        }
        slots.set(indexOf(handle), new HandleEntry(entry.object(), entry.grantedAccess(), inherit));
        return true;
    }

    HandleEntry remove(long handle) {
        HandleEntry entry = lookup(handle);
        if (entry != null) {
            slots.set(indexOf(handle), null);
            handleCount--;
            while (!slots.isEmpty() && slots.get(slots.size() - 1) == null) {
                slots.remove(slots.size() - 1);
            }
        }
        return entry;
    }

    private int indexOf(long handle) {
        return (int) ((handle - firstHandle) / 4);
    }

    /** Handle values in use, ascending. */
    public List<Long> handles() {
        List<Long> result = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) != null) {
                result.add(firstHandle + i * 4L);
            }
        }
        return result;
    }
}
