package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.CidTable;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.NotifyRoutines;
import java.util.Arrays;
import java.util.List;

/**
 * What dq and dd read of the data the machine models (MemoryDump prints it): nt's globals (the process list head, the
 * system and idle process pointers, PspCidTable, the callback tables and their counts) and
 * the EX_CALLBACK_ROUTINE_BLOCKs the tables point to. A callback slot holds an EX_FAST_REF:
 * the block's address with a reference count in its low bits, full when nobody holds one
 * (MAX_FAST_REFS: 4 bits, 0xf, on x64; 3 bits, 7, on x86: WRK base/ntos/inc/ex.h, and
 * {@code _EX_FAST_REF.RefCnt : 3} in the x86 kernel's symbols).
 *
 * <p>Both machines hold the same state; what differs is data: on x64 each global is read in
 * quadwords; on XP (x86) every global is made of 32-bit dwords (a LIST_ENTRY is two 4-byte
 * pointers, an EX_CALLBACK one, 8 slots per table: PSP_MAX_CREATE_PROCESS_NOTIFY), and a
 * quadword is two of them, low first.
 */
final class DataView {
    private static final String[] TABLES = {"nt!PspCreateProcessNotifyRoutine", "nt!PspCreateThreadNotifyRoutine", "nt!PspLoadImageNotifyRoutine"};

    private DataView() {
    }

    /** The value of {@code bytes} bytes at {@code address} (8 or 4, aligned to their size), or null when nothing modelled is there. */
    static Long read(Kernel k, long address, int bytes) {
        if (address % bytes != 0) {
            return null;
        }
        if (k.platform.x86) {
            return Dwords.read(address, bytes, a -> dword(k, a));
        }
        Long quad = quad(k, address & ~7L);
        if (quad == null || bytes == 8) {
            return quad;
        }
        return (address & 4) == 0 ? quad & 0xffffffffL : quad >>> 32;
    }

    /** An XP global's dword, or a dword of a callback block (RundownProtect +0, Function +4, Context +8). */
    private static Long dword(Kernel k, long address) {
        String symbol = Symbols.dataAt(address, k.profile);
        if (symbol != null) {
            return global(k, symbol, (int) (address - Symbols.address(symbol, k.profile)), 4);
        }
        Long block = callbackBlockField(k, address, 4);
        return block == null ? null : block & 0xffffffffL;
    }

    private static Long quad(Kernel k, long address) {
        String symbol = Symbols.dataAt(address, k.profile);
        if (symbol != null) {
            return global(k, symbol, (int) (address - Symbols.address(symbol, k.profile)), 8);
        }
        return callbackBlockField(k, address, 8);
    }

    /**
     * The pointer-sized (or ULONG) value at {@code offset} in a global, pointers being
     * {@code pointer} bytes: a table's slots, the list head's Flink and Blink, a count.
     */
    private static long global(Kernel k, String symbol, int offset, int pointer) {
        int table = Arrays.asList(TABLES).indexOf(symbol);
        if (table >= 0) {
            int slot = offset / pointer;
            long fastRefCount = k.platform.x86 ? 7 : 0xf;
            return slot < routines(k, table).size() ? callbackBlock(k, table, slot) | fastRefCount : 0;
        }
        List<EProcess> processes = k.processes();
        long links = StructLayouts.offset(StructLayouts.EPROCESS, k.platform, "ActiveProcessLinks");
        return switch (symbol) {
            // an empty list points at itself
            case "nt!PsActiveProcessHead" -> processes.isEmpty() ? Symbols.address(symbol, k.profile)
                    : (offset == 0 ? processes.getFirst() : processes.getLast()).address + links;
            case "nt!PsIdleProcess" -> k.idleProcess.address;
            case "nt!PsInitialSystemProcess" -> k.systemProcess.address;
            case "nt!PspCidTable" -> CidTable.address(k.platform);
            // the counts are ULONGs; on x64 the rest of their quadword is the next global's padding
            case "nt!PspCreateProcessNotifyRoutineCount" -> k.processNotifyRoutines.size() - k.extendedProcessNotifyRoutines.size();
            case "nt!PspCreateProcessNotifyRoutineExCount" -> k.extendedProcessNotifyRoutines.size();
            case "nt!PspCreateThreadNotifyRoutineCount" -> k.threadNotifyRoutines.size();
            case "nt!PspLoadImageNotifyRoutineCount" -> k.loadImageNotifyRoutines.size();
            default -> 0;
        };
    }

    /** A pointer-sized field of a registered slot's EX_CALLBACK_ROUTINE_BLOCK: RundownProtect, Function, Context. */
    private static Long callbackBlockField(Kernel k, long address, int pointer) {
        for (int table = 0; table < TABLES.length; table++) {
            List<String> routines = routines(k, table);
            for (int slot = 0; slot < routines.size(); slot++) {
                long block = callbackBlock(k, table, slot);
                if (address >= block && address < block + 3L * pointer) {
                    return address - block == pointer ? Symbols.address(routines.get(slot), k.profile) : 0;
                }
            }
        }
        return null;
    }

    /** The block in the pool the machine allocates it from, at that pool's address on this platform. */
    private static long callbackBlock(Kernel k, int table, int slot) {
        return k.platform.poolAddress(NotifyRoutines.callbackBlock(table, slot) & 0xffffffffL);
    }

    private static List<String> routines(Kernel k, int table) {
        return switch (table) {
            case 0 -> k.processNotifyRoutines;
            case 1 -> k.threadNotifyRoutines;
            default -> k.loadImageNotifyRoutines;
        };
    }
}
