package com.ntprocesslab.store.account;

/**
 * A user's own input as a message repeats it back: control and invisible formatting
 * characters dropped (a right-to-left override would turn the rest of the sentence around, a
 * zero-width space hides a difference) and at most a few dozen characters kept, so a pasted
 * 10 KB value does not become a 10 KB message.
 */
final class EchoedInput {

    static final int MAX_SHOWN = 24;

    private EchoedInput() {
    }

    static String of(String input) {
        StringBuilder shown = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < input.length(); ) {
            int codePoint = input.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                continue;
            }
            if (kept == MAX_SHOWN) {
                return shown.toString().strip() + "…";
            }
            shown.appendCodePoint(codePoint);
            kept++;
        }
        return shown.toString().strip();
    }
}
