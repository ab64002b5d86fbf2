package com.ntprocesslab.kernel.ob;

/** HANDLE_TABLE_ENTRY: the object, the access granted when the handle was made, inheritance. */
public record HandleEntry(KernelObject object, long grantedAccess, boolean inherit) {
}
