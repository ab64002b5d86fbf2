package com.ntprocesslab.kernel.win32;

/** Number syntax of the console: 0x-prefixed hex, otherwise decimal; -1 and -2 allowed. */
public final class Numbers {
    private Numbers() {
    }

    public static Long parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                String digits = text.substring(2);
                return digits.isEmpty() || digits.length() > 16 ? null : Long.parseUnsignedLong(digits, 16);
            }
            if (text.equals("-1") || text.equals("-2")) {
                return Long.parseLong(text);
            }
            if (!text.chars().allMatch(Character::isDigit) || text.length() > 18) {
                return null;
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
