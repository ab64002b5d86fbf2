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
    public static final long INHERIT_PARENT_AFFINITY = 0x00010000;
    public static final long EXTENDED_STARTUPINFO_PRESENT = 0x00080000;
    public static final long PROFILE_USER = 0x10000000;
    public static final long PROFILE_KERNEL = 0x20000000;
    public static final long PROFILE_SERVER = 0x40000000;

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
        NAMES.put("INHERIT_PARENT_AFFINITY", INHERIT_PARENT_AFFINITY);
        NAMES.put("EXTENDED_STARTUPINFO_PRESENT", EXTENDED_STARTUPINFO_PRESENT);
        NAMES.put("PROFILE_USER", PROFILE_USER);
        NAMES.put("PROFILE_KERNEL", PROFILE_KERNEL);
        NAMES.put("PROFILE_SERVER", PROFILE_SERVER);
        for (PriorityClass pc : PriorityClass.values()) {
            NAMES.put(pc.name() + "_PRIORITY_CLASS", pc.creationFlag);
        }
    }

    private CreationFlags() {
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
