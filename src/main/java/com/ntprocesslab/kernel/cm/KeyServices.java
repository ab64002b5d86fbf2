package com.ntprocesslab.kernel.cm;

import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NtArgs;
import java.util.List;

/** The configuration manager's system services the machine has: NtOpenKey. */
public final class KeyServices {
    /** KEY_READ (0x20019): what GENERIC_READ maps to for a key (STANDARD_RIGHTS_READ | QUERY_VALUE | ENUMERATE_SUB_KEYS | NOTIFY). */
    public static final long KEY_READ = 0x20019L;

    private KeyServices() {
    }

    /**
     * NtOpenKey(KeyHandle, DesiredAccess, ObjectAttributes) (WRK cm/ntapi.c; ReactOS
     * ntoskrnl/config/ntapi.c): ObOpenObjectByName parses the name through CmpParseKey; a key
     * that exists gets a new key body and a handle in the caller's table, one that does not is
     * STATUS_OBJECT_NAME_NOT_FOUND. {@code a.name} is the key's path (HKLM\...), {@code a.access}
     * DesiredAccess; the handle comes back in {@code a.out}.
     */
    public static final Routine NtOpenKey = Executive.routine("nt!NtOpenKey").stage(1)
            .step("nt!ObOpenObjectByName", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                List<String> path = Registry.components(a.name);
                if (path == null) {
                    return ret(NtStatus.STATUS_OBJECT_NAME_INVALID);
                }
                if (k.registry.openKey(a.name) == null) {
                    return ret(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
                }
                KeyObject key = ObjectManager.ObCreateObject(k, new KeyObject(), objectName(path));
                a.out = ObjectManager.ObInsertObject(k, t.process.objectTable, key, a.access, false);
                ObjectManager.ObDereferenceObject(k, key);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** The key's name in the object namespace: HKLM is \REGISTRY\MACHINE. */
    static String objectName(List<String> path) {
        return "\\REGISTRY\\MACHINE" + (path.isEmpty() ? "" : "\\" + String.join("\\", path));
    }
}
