package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.inspect.Format;
import com.ntprocesslab.kernel.ob.KernelObject;

/** !object: an object's header as the object manager keeps it. */
final class ObjectView {
    /** Fake addresses of the object type objects (ObTypeIndexTable), one per type. */
    private static final long TYPE_OBJECTS = 0xffffa08f0a000000L;

    private ObjectView() {
    }

    static CommandResult object(Debugger d, long address) {
        KernelObject o = Lookup.object(d.kernel, address);
        if (o == null) {
            return Debugger.reject("Couldn't resolve error at '" + Format.pointer(address) + "': no object lives at that address (!handle and !process show object addresses)");
        }
        return Debugger.accept(header(o, "").stripTrailing());
    }

    static long typeObject(KernelObject o) {
        return TYPE_OBJECTS + (o.type.ordinal() + 2) * 0x80L;
    }

    static String header(KernelObject o, String indent) {
        StringBuilder out = new StringBuilder();
        out.append(indent).append("Object: ").append(Format.pointer(o.address)).append("  Type: (").append(Format.pointer(typeObject(o)))
                .append(") ").append(o.type).append('\n');
        out.append(indent).append("    ObjectHeader: ").append(Format.pointer(o.address - Lookup.OBJECT_HEADER_SIZE)).append(" (new version)\n");
        out.append(indent).append("    HandleCount: ").append(o.handleCount).append("  PointerCount: ").append(o.pointerCount).append('\n');
        String target = HandleView.target(o);
        if (!target.isEmpty()) {
            out.append(indent).append("    Name: ").append(target).append('\n');
        }
        return out.toString();
    }
}
