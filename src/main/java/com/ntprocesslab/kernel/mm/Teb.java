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
    /**
     * NtTib.ArbitraryUserPointer: on XP, PspCreateProcess's last act for a creator with a TEB
     * stores the new process's PEB address here (WRK ps/create.c, seed 004), where the creator's
     * debugger-aware code may look for it.
     */
    public long arbitraryUserPointer;
    public long stackBase;
    public long stackLimit;
}
