package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.ke.PriorityClass;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** dwCreationFlags names and values, and the parser for {@code A|B|0x4}. */
public final class CreationFlags {
    public static final long DEBUG_PROCESS = 0x1;
    public static final long DEBUG_ONLY_THIS_PROCESS = 0x2;
    public static final long CREATE_SUSPENDED = 0x4;
    public static final long DETACHED_PROCESS = 0x8;
    public static final long CREATE_NEW_CONSOLE = 0x10;
    public static final long CREATE_NEW_PROCESS_GROUP = 0x200;
    public static final long CREATE_UNICODE_ENVIRONMENT = 0x400;
    public static final long CREATE_SEPARATE_WOW_VDM = 0x800;
    public static final long CREATE_SHARED_WOW_VDM = 0x1000;
    public static final long CREATE_BREAKAWAY_FROM_JOB = 0x01000000;
    public static final long CREATE_DEFAULT_ERROR_MODE = 0x04000000;
    public static final long CREATE_NO_WINDOW = 0x08000000;

    private static final Map<String, Long> NAMES = new TreeMap<>();

    static {
        NAMES.put("DEBUG_PROCESS", DEBUG_PROCESS);
        NAMES.put("DEBUG_ONLY_THIS_PROCESS", DEBUG_ONLY_THIS_PROCESS);
        NAMES.put("CREATE_SUSPENDED", CREATE_SUSPENDED);
        NAMES.put("DETACHED_PROCESS", DETACHED_PROCESS);
        NAMES.put("CREATE_NEW_CONSOLE", CREATE_NEW_CONSOLE);
        NAMES.put("CREATE_NEW_PROCESS_GROUP", CREATE_NEW_PROCESS_GROUP);
        NAMES.put("CREATE_UNICODE_ENVIRONMENT", CREATE_UNICODE_ENVIRONMENT);
        NAMES.put("CREATE_SEPARATE_WOW_VDM", CREATE_SEPARATE_WOW_VDM);
        NAMES.put("CREATE_SHARED_WOW_VDM", CREATE_SHARED_WOW_VDM);
        NAMES.put("CREATE_BREAKAWAY_FROM_JOB", CREATE_BREAKAWAY_FROM_JOB);
        NAMES.put("CREATE_DEFAULT_ERROR_MODE", CREATE_DEFAULT_ERROR_MODE);
        NAMES.put("CREATE_NO_WINDOW", CREATE_NO_WINDOW);
        for (PriorityClass pc : PriorityClass.values()) {
            NAMES.put(pc.name() + "_PRIORITY_CLASS", pc.creationFlag);
        }
    }

    private CreationFlags() {
    }

    /** All bits the machine knows; anything else is an invalid parameter. */
    public static long knownMask() {
        long mask = 0;
        for (long v : NAMES.values()) {
            mask |= v;
        }
        return mask;
    }

    /** Parses {@code NAME|NAME|0x10|16}; returns null and names the bad part in {@code error[0]}. */
    public static Long parse(String text, String[] error) {
        long value = 0;
        for (String part : text.split("\\|", -1)) {
            String p = part.trim();
            Long named = NAMES.get(p.toUpperCase(Locale.ROOT));
            if (named != null) {
                value |= named;
                continue;
            }
            Long number = Numbers.parse(p);
            if (number == null) {
                error[0] = p;
                return null;
            }
            value |= number;
        }
        return value;
    }

    public static String names(long flags) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : NAMES.entrySet()) {
            if ((flags & e.getValue()) != 0) {
                sb.append(sb.isEmpty() ? "" : "|").append(e.getKey());
            }
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }
}
