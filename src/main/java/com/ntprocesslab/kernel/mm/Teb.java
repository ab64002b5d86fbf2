package com.ntprocesslab.kernel.mm;

/** TEB: the user-mode thread block; GetLastError reads LastErrorValue from here. */
public final class Teb {
    public long address;
    public long lastErrorValue;
    public long lastStatusValue;
    public long stackBase;
    public long stackLimit;
}
