package com.ntprocesslab.kernel.ps;

import java.util.Locale;

/** Kinds of allocation a lab can make fail with {@code .fail <kind>}. */
public enum AllocationKind {
    FILE, SECTION, PROCESS, TOKEN, ADDRESSSPACE, HANDLETABLE, CID, PEB, HANDLE, THREAD, TEB, STACK, CSR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AllocationKind parse(String text) {
        for (AllocationKind kind : values()) {
            if (kind.label().equals(text.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        return null;
    }

    public static String list() {
        StringBuilder sb = new StringBuilder();
        for (AllocationKind kind : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(kind.label());
        }
        return sb.toString();
    }
}
