package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;

/** Finds the structure a number names: a client id or an object's address, as WinDbg accepts either. */
final class Lookup {
    private Lookup() {
    }

    static EProcess process(Kernel k, long cidOrAddress) {
        KernelObject o = k.objects.get(cidOrAddress);
        if (o == null && cidOrAddress > 0 && cidOrAddress % 4 == 0 && cidOrAddress < 0x100000) {
            o = k.pspCidTable.lookup(cidOrAddress);
        }
        return o instanceof EProcess p ? p : null;
    }

    static EThread thread(Kernel k, long cidOrAddress) {
        KernelObject o = k.objects.get(cidOrAddress);
        if (o == null && cidOrAddress > 0 && cidOrAddress % 4 == 0 && cidOrAddress < 0x100000) {
            o = k.pspCidTable.lookup(cidOrAddress);
        }
        return o instanceof EThread t ? t : null;
    }

    /** An object by the address of its body or of its header. */
    static KernelObject object(Kernel k, long address) {
        KernelObject o = k.objects.get(address);
        return o != null ? o : k.objects.get(address + k.platform.objectHeaderSize);
    }

    static String hex4(long value) {
        return String.format("%04x", value);
    }
}
