package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.Map;
import java.util.TreeMap;

/**
 * dq and dd: memory as quadwords or doublewords, laid out as "d, da, db, dc, dd, dD, df, dp,
 * dq, du, dw (Display Memory)" in Microsoft's debugger reference shows it (address, then two
 * quadwords or four doublewords per line). The machine holds structures, not bytes: the
 * readable memory is nt's data symbols and the callback blocks they point to (see
 * {@link DataView}), and the number-valued fields of the objects it models, at their Windows 10
 * x64 offsets (the ones dt prints); every other byte shows as ?, WinDbg's mark for memory it
 * cannot read. On the classic profile the globals and fields read at their XP SP3 x86
 * addresses and offsets, as dwords; dq shows a quadword there as two of them, high`low.
 */
final class MemoryDump {
    private MemoryDump() {
    }

    static CommandResult display(Debugger d, KdCommand.DisplayMemory m) {
        int width = m.width();
        long address;
        if (m.symbol() != null) {
            if (!Symbols.isData(m.symbol()) || !Symbols.all(d.kernel.profile).containsKey(m.symbol())) {
                return Debugger.reject("Couldn't resolve error at '" + m.symbol() + "': no data symbol of that name"
                        + " (x nt!Ps* lists the data symbols: they print = <no type information>)");
            }
            address = Symbols.address(m.symbol(), d.kernel.profile);
        } else {
            address = m.address();
        }
        long start = address & -width;
        String outside = outsideAddressSpace(d.kernel, start, (long) m.count() * width);
        if (outside != null) {
            return Debugger.reject(outside);
        }
        StringBuilder out = new StringBuilder();
        int perLine = width == 8 ? 2 : 4;
        for (int i = 0; i < m.count(); i++) {
            long at = start + (long) i * width;
            if (i % perLine == 0) {
                out.append(i == 0 ? "" : "\n").append(d.kernel.platform.pointer(at)).append(' ');
            }
            out.append(' ').append(width == 8 ? quadword(d.kernel, at) : hex(read(d.kernel, at, 4)));
        }
        return Debugger.accept(out.toString());
    }

    /**
     * A range the address space cannot hold: above 4 GB on the x86 machine, or running past the
     * top address (a dump does not wrap round to 0). Null when the range fits.
     */
    private static String outsideAddressSpace(Kernel k, long start, long bytes) {
        long top = k.platform.x86 ? 0xffffffffL : -1L;
        if (Long.compareUnsigned(start, top) > 0) {
            return "Memory access error at '" + Long.toHexString(start) + "': the classic machine is x86, its addresses end at ffffffff";
        }
        if (Long.compareUnsigned(top - start, bytes - 1) < 0) {
            return "Range error: 0x" + Long.toHexString(bytes) + " bytes from " + k.platform.pointer(start) + " run past the top of the address space ("
                    + k.platform.pointer(top) + "); give a smaller L count";
        }
        return null;
    }

    /**
     * A quadword as dq prints it, high`low. On x86 each half is a dword of its own (a 32-bit
     * global next to another, or a field next to an unmodelled one), so each reads or shows ? alone.
     */
    private static String quadword(Kernel k, long at) {
        if (k.platform.x86) {
            return hex(read(k, at + 4, 4)) + "`" + hex(read(k, at, 4));
        }
        Long value = read(k, at, 8);
        return value == null ? "????????`????????" : k.platform.pointer(value);
    }

    private static String hex(Long dword) {
        return dword == null ? "????????" : String.format("%08x", dword & 0xffffffffL);
    }

    /** The value of {@code width} bytes at an address, or null when any of them is not modeled. */
    private static Long read(Kernel k, long address, int width) {
        if (address >= SharedUserData.BASE && address < SharedUserData.BASE + 0x1000) {
            return SharedUserData.read(k, address, width);
        }
        if (ProcessorControlRegion.holds(k, address)) {
            return ProcessorControlRegion.read(k, address, width);
        }
        // nt's globals and the callback blocks they point to, then the fields of the objects
        Long data = DataView.read(k, address, width);
        if (data != null) {
            return data;
        }
        if (k.platform.x86) {
            EThread trapped = TrapFrameView.owner(k, address);
            if (trapped != null) {
                return Dwords.read(address, width, a -> TrapFrameView.dword(trapped, a));
            }
            // XP's natural unit is the 32-bit dword: a quadword is two of them, low first
            return Dwords.read(address, width, a -> dword(k, a));
        }
        Long quad = quad(k, address & ~7L);
        if (quad == null) {
            return null;
        }
        return width == 8 ? quad : (address & 4) == 0 ? quad & 0xffffffffL : quad >>> 32;
    }

    private static Long quad(Kernel k, long address) {
        if (k.profile == Profile.CLASSIC) {
            return null;
        }
        Map.Entry<Long, KernelObject> owner = objectsByAddress(k).floorEntry(address);
        if (owner == null) {
            return null;
        }
        long offset = address - owner.getKey();
        return switch (owner.getValue()) {
            case EProcess p -> eprocess(k, p, offset);
            case EThread t -> ethread(t, offset);
            default -> null;
        };
    }

    /** A modeled 32-bit field of an XP object at its XP SP3 offset (the offsets dt prints, {@link StructLayouts}). */
    private static Long dword(Kernel k, long address) {
        Map.Entry<Long, KernelObject> owner = objectsByAddress(k).floorEntry(address);
        if (owner == null) {
            return null;
        }
        long offset = address - owner.getKey();
        return switch (owner.getValue()) {
            case EProcess p -> switch ((int) offset) {
                case 0x018 -> p.pcb.directoryTableBase;
                case 0x084 -> p.uniqueProcessId;
                case 0x088 -> link(k, p.activeProcessLinks.flink.owner, 0x088);
                case 0x08c -> link(k, p.activeProcessLinks.blink.owner, 0x088);
                case 0x0c4 -> p.objectTable == null ? 0L : p.objectTable.address;
                case 0x0c8 -> p.token == null ? 0L : p.token.address;
                case 0x138 -> p.sectionObject == null ? 0L : p.sectionObject.address;
                case 0x13c -> p.sectionBaseAddress;
                case 0x14c -> p.inheritedFromUniqueProcessId;
                case 0x1a0 -> (long) p.activeThreads;
                case 0x1b0 -> p.peb == null ? 0L : p.peb.address;
                default -> null;
            };
            case EThread t -> switch ((int) offset) {
                case 0x018 -> t.initialStack;
                case 0x020 -> t.teb == null ? 0L : t.teb.address;
                case 0x028 -> t.kernelStack;
                case 0x134 -> t.trapFrame;
                case 0x168 -> t.kernelStackBase;
                case 0x1ec -> t.process.uniqueProcessId;
                case 0x1f0 -> t.uniqueThread;
                case 0x220 -> t.process.address;
                case 0x224 -> t.startAddress;
                case 0x228 -> t.win32StartAddress;
                case 0x244 -> t.grantedAccess;
                default -> null;
            };
            default -> null;
        };
    }

    private static TreeMap<Long, KernelObject> objectsByAddress(Kernel k) {
        TreeMap<Long, KernelObject> byAddress = new TreeMap<>(Long::compareUnsigned);
        for (EProcess p : k.processes()) {
            byAddress.put(p.address, p);
        }
        for (EThread t : k.threads()) {
            byAddress.put(t.address, t);
        }
        return byAddress;
    }

    private static Long eprocess(Kernel k, EProcess p, long offset) {
        return switch ((int) offset) {
            case 0x028 -> p.pcb.directoryTableBase;
            case 0x440 -> p.uniqueProcessId;
            case 0x448 -> link(k, p.activeProcessLinks.flink.owner, 0x448);
            case 0x450 -> link(k, p.activeProcessLinks.blink.owner, 0x448);
            case 0x4b8 -> p.token == null ? 0L : p.token.address;
            case 0x518 -> p.sectionObject == null ? 0L : p.sectionObject.address;
            case 0x520 -> p.sectionBaseAddress;
            case 0x540 -> p.inheritedFromUniqueProcessId;
            case 0x550 -> p.peb == null ? 0L : p.peb.address;
            case 0x570 -> p.objectTable == null ? 0L : p.objectTable.address;
            default -> null;
        };
    }

    /** An ActiveProcessLinks pointer: the neighbour's link field, or nt!PsActiveProcessHead at the list's ends. */
    private static long link(Kernel k, EProcess neighbour, long linksOffset) {
        return neighbour == null ? Symbols.address("nt!PsActiveProcessHead", k.profile) : neighbour.address + linksOffset;
    }

    private static Long ethread(EThread t, long offset) {
        return switch ((int) offset) {
            case 0x030 -> t.stackLimit;
            case 0x038 -> t.stackBase;
            case 0x0f0 -> t.teb == null ? 0L : t.teb.address;
            case 0x220 -> t.process.address;
            case 0x478 -> t.process.uniqueProcessId;
            case 0x480 -> t.uniqueThread;
            case 0x4d0 -> t.startAddress;
            case 0x550 -> t.win32StartAddress;
            default -> null;
        };
    }
}
