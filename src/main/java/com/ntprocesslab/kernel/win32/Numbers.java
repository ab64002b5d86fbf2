package com.ntprocesslab.kernel.win32;

import java.util.function.Supplier;

/**
 * Number syntax of API arguments: 0x marks hex and 0n decimal; a number without a prefix is
 * read in the radix in force (decimal in guest scripts; the console's .call reads it in WinDbg's
 * default radix 16, see {@link #inRadix}); -1 and -2 allowed.
 */
public final class Numbers {
    /** The radix of numbers without 0x or 0n while one .call is parsed; decimal otherwise. */
    private static final ThreadLocal<Integer> RADIX = ThreadLocal.withInitial(() -> 10);

    private Numbers() {
    }

    /** Runs {@code work} reading numbers without a prefix in {@code radix} (10 or 16). */
    public static <T> T inRadix(int radix, Supplier<T> work) {
        if (radix != 10 && radix != 16) {
            throw new IllegalArgumentException("radix " + radix + " is neither 10 nor 16");
        }
        int outer = RADIX.get();
        RADIX.set(radix);
        try {
            return work.get();
        } finally {
            RADIX.set(outer);
        }
    }

    public static Long parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("-1") || text.equals("-2")) {
            return Long.parseLong(text);
        }
        String digits = text;
        int radix = RADIX.get();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            digits = text.substring(2);
            radix = 16;
        } else if (text.startsWith("0n") || text.startsWith("0N")) {
            digits = text.substring(2);
            radix = 10;
        }
        final int base = radix;
        if (digits.isEmpty() || digits.length() > (base == 16 ? 16 : 18) || !digits.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(digits, base);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
