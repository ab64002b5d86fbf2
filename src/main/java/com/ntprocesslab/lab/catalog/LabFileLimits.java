package com.ntprocesslab.lab.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a lab file may be before anything parses it: a few hundred kilobytes of UTF-8 text.
 * Lab files are authored by hand; a file past these sizes is a mistake (or an attack) and
 * would be sent to every student who opens the lab.
 */
final class LabFileLimits {

    static final long MAX_README_BYTES = 512 * 1024;
    static final long MAX_OTHER_BYTES = 128 * 1024;

    private LabFileLimits() {
    }

    static long maxBytes(String fileName) {
        return fileName.startsWith("README") ? MAX_README_BYTES : MAX_OTHER_BYTES;
    }

    static void checkSize(String fileName, long size) {
        if (size > maxBytes(fileName)) {
            throw new LabFileRejectedException(fileName, 0, "is " + size + " bytes; a lab's " + fileName + " may have at most "
                    + maxBytes(fileName) + " bytes");
        }
    }

    /** The bytes as text, when they are UTF-8 without NUL characters (which only binary files hold). */
    static String text(String fileName, byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            String replaced = new String(bytes, StandardCharsets.UTF_8);
            throw new LabFileRejectedException(fileName, lineOf(replaced, replaced.indexOf('\uFFFD')),
                    "is not UTF-8 text (a binary file?)");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new LabFileRejectedException(fileName, lineOf(text, nul), "holds a NUL character: it is a binary file, not text");
        }
        return text;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }
}
