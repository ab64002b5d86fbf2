package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ob.KernelObject;

/** !object: an object's header as the object manager keeps it. */
final class ObjectView {
    private ObjectView() {
    }

    static CommandResult object(Debugger d, long address) {
        KernelObject o = Lookup.object(d.kernel, address);
        if (o == null) {
            return Debugger.reject("Couldn't resolve error at '" + d.kernel.platform.pointer(address) + "': no object lives at that address (!handle and !process show object addresses)");
        }
        return Debugger.accept(header(d.kernel, o, "").stripTrailing());
    }

    /** Fake addresses of the object type objects (ObTypeIndexTable), one per type. */
    static long typeObject(Kernel k, KernelObject o) {
        return k.platform.typeObjects() + (o.type.ordinal() + 2) * 0x80L;
    }

    /**
     * The lines kdexts prints for an object, in "!object" and under each handle of "!handle":
     * "Object: ffffc00b074166a0  Type: (ffffe0083b768690) Directory", then the header and the counts
     * one level in ("!object", learn.microsoft.com/windows-hardware/drivers/debuggercmds/-object).
     * Under a handle the counts and the name go one level further (Windows Internals 6th ed.,
     * "Viewing the Handle Table"). Processes and threads have no name, so no Name line; a named
     * object's directory is not modelled, so its Directory Object is 0 as for files and keys.
     */
    static String header(Kernel k, KernelObject o, String countsIndent) {
        StringBuilder out = new StringBuilder();
        out.append("Object: ").append(k.platform.plainPointer(o.address)).append("  Type: (").append(k.platform.plainPointer(typeObject(k, o)))
                .append(") ").append(o.type).append('\n');
        out.append("    ObjectHeader: ").append(k.platform.plainPointer(o.address - k.platform.objectHeaderSize))
                // "(new version)" is how today's WinDbg marks the Windows 7+ header; XP's header has a Type pointer instead
                .append(k.platform.x86 ? "\n" : " (new version)\n");
        out.append(countsIndent).append("    HandleCount: ").append(o.handleCount).append("  PointerCount: ").append(o.pointerCount).append('\n');
        if (o.name != null && !o.name.isEmpty()) {
            out.append(countsIndent).append("    Directory Object: ").append(k.platform.plainPointer(0)).append("  Name: ").append(o.name).append('\n');
        }
        return out.toString();
    }
}
