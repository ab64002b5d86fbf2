package com.ntprocesslab.kernel.mm;

/** TEB: the user-mode thread block; GetLastError reads LastErrorValue from here. */
public final class Teb {
    public long address;
    public long lastErrorValue;
    public long lastStatusValue;
    /** DbgSsReserved[1] (+0xf24 on XP): the debug object handle DbgUiConnectToDbg stored for this thread. */
    public long debugObjectHandle;
    /** CurrentLocale: the LCID the thread starts with, set by PspUserThreadStartup from MmGetSessionLocaleId (0 until then). */
    public long currentLocale;
    /** IdealProcessor: copied from KTHREAD.IdealProcessor by PspUserThreadStartup (0 until then). */
    public int idealProcessor;
    public long stackBase;
    public long stackLimit;
}
