package com.ntprocesslab.kernel.cm;

import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * A key body (CM_KEY_BODY, CmpKeyObjectType): what each NtOpenKey creates for one open of a key,
 * named by the key's full object name (\REGISTRY\MACHINE\...). The key itself stays in the hive.
 */
public final class KeyObject extends KernelObject {
    public KeyObject() {
        super(ObjectType.Key);
    }
}
