package com.ntprocesslab.kernel.inspect;

/** WinDbg number formats. */
public final class Format {
    private Format() {
    }

    /** A 64-bit address split with a backtick: ffffa08f`1c2d3040. */
    public static String pointer(long address) {
        String hex = String.format("%016x", address);
        return hex.substring(0, 8) + "`" + hex.substring(8);
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
