package com.ntprocesslab.kernel.win32;

import java.util.TreeMap;

/** A guest program's variables: the result of each named script line. */
public final class GuestLocals {
    public final TreeMap<String, ApiCall> results = new TreeMap<>();
    /** The call the current script line is making. */
    public ApiCall current;
}
