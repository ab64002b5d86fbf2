package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.CidTable;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.NotifyRoutines;
import java.util.List;

/**
 * What dq and dd read of the data the machine models (MemoryDump prints it): nt's globals (the process list head, the
 * system and idle process pointers, PspCidTable, the callback tables and their counts) and
 * the EX_CALLBACK_ROUTINE_BLOCKs the tables point to. A callback slot holds an EX_FAST_REF:
 * the block's address with a reference count in its low 4 bits (0xf when nobody holds one).
 */
final class DataView {
    private static final long EPROCESS_ACTIVE_PROCESS_LINKS = 0x448;
    private static final long FAST_REF_COUNT = 0xf;
    private static final String[] TABLES = {"nt!PspCreateProcessNotifyRoutine", "nt!PspCreateThreadNotifyRoutine", "nt!PspLoadImageNotifyRoutine"};

    private DataView() {
    }


    /** The value of {@code bytes} bytes at {@code address} (8 or 4, aligned to their size), or null when nothing modelled is there. */
    static Long read(Kernel k, long address, int bytes) {
        // the XP machine's 32-bit globals are not laid out here
        if (k.profile == com.ntprocesslab.kernel.Profile.CLASSIC || address % bytes != 0) {
            return null;
        }
        String symbol = Symbols.dataAt(address, k.profile);
        if (symbol != null) {
            long quad = quadword(k, symbol, (int) ((address - Symbols.address(symbol)) & ~7L));
            return bytes == 8 ? quad : (address & 4) == 0 ? quad & 0xffffffffL : quad >>> 32;
        }
        for (int table = 0; table < TABLES.length; table++) {
            List<String> routines = routines(k, table);
            for (int slot = 0; slot < routines.size(); slot++) {
                long block = NotifyRoutines.callbackBlock(table, slot);
                if (address >= block && address < block + 0x18) {
                    // EX_CALLBACK_ROUTINE_BLOCK: RundownProtect, Function, Context
                    long offset = address - block;
                    long quad = offset < 8 ? 0 : offset < 16 ? Symbols.address(routines.get(slot)) : 0;
                    return bytes == 8 ? quad : (address & 4) == 0 ? quad & 0xffffffffL : quad >>> 32;
                }
            }
        }
        return null;
    }

    private static long quadword(Kernel k, String symbol, int offset) {
        int table = java.util.Arrays.asList(TABLES).indexOf(symbol);
        if (table >= 0) {
            int slot = offset / 8;
            return slot < routines(k, table).size() ? NotifyRoutines.callbackBlock(table, slot) | FAST_REF_COUNT : 0;
        }
        List<EProcess> processes = k.processes();
        return switch (symbol) {
            case "nt!PsActiveProcessHead" -> processes.isEmpty() ? Symbols.address(symbol) + offset
                    : (offset == 0 ? processes.getFirst() : processes.getLast()).address + EPROCESS_ACTIVE_PROCESS_LINKS;
            case "nt!PsIdleProcess" -> k.idleProcess.address;
            case "nt!PsInitialSystemProcess" -> k.systemProcess.address;
            case "nt!PspCidTable" -> CidTable.ADDRESS;
            // the counts are ULONGs; the rest of their quadword is the next global's padding
            case "nt!PspCreateProcessNotifyRoutineCount" -> k.processNotifyRoutines.size() - k.extendedProcessNotifyRoutines.size();
            case "nt!PspCreateProcessNotifyRoutineExCount" -> k.extendedProcessNotifyRoutines.size();
            case "nt!PspCreateThreadNotifyRoutineCount" -> k.threadNotifyRoutines.size();
            case "nt!PspLoadImageNotifyRoutineCount" -> k.loadImageNotifyRoutines.size();
            default -> 0;
        };
    }

    private static List<String> routines(Kernel k, int table) {
        return switch (table) {
            case 0 -> k.processNotifyRoutines;
            case 1 -> k.threadNotifyRoutines;
            default -> k.loadImageNotifyRoutines;
        };
    }
}
