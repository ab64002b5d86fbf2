package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.nt.NtStatus;

/** The outcome of ObReferenceObjectByHandle: a status and, on success, a referenced object. */
public record ObRef(long status, KernelObject object, long grantedAccess) {
    public boolean ok() {
        return NtStatus.success(status);
    }

    public static ObRef failed(long status) {
        return new ObRef(status, null, 0);
    }
}
