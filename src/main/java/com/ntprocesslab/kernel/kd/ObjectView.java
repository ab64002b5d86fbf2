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

    static String header(Kernel k, KernelObject o, String indent) {
        StringBuilder out = new StringBuilder();
        out.append(indent).append("Object: ").append(k.platform.pointer(o.address)).append("  Type: (").append(k.platform.pointer(typeObject(k, o)))
                .append(") ").append(o.type).append('\n');
        out.append(indent).append("    ObjectHeader: ").append(k.platform.pointer(o.address - k.platform.objectHeaderSize)).append(" (new version)\n");
        out.append(indent).append("    HandleCount: ").append(o.handleCount).append("  PointerCount: ").append(o.pointerCount).append('\n');
        String target = HandleView.target(o);
        if (!target.isEmpty()) {
            out.append(indent).append("    Name: ").append(target).append('\n');
        }
        return out.toString();
    }
}
