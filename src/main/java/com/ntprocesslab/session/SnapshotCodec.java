package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Turns a live machine into compact bytes and back. Snapshots only speed up replay: they are
 * checksummed, tagged with the kernel version that wrote them, and only kernel classes may
 * be read back, so a damaged or foreign snapshot is rejected rather than trusted.
 */
final class SnapshotCodec {

    private static final ObjectInputFilter ONLY_KERNEL_CLASSES =
            ObjectInputFilter.Config.createFilter("com.ntprocesslab.kernel.**;java.**;maxdepth=200;!*");

    private SnapshotCodec() {
    }

    static byte[] encode(Machine machine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeObject(machine);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize the machine", e);
        }
        return bytes.toByteArray();
    }

    /** Reads a machine back; any damage surfaces as {@link CorruptSnapshotException}. */
    static Machine decode(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            in.setObjectInputFilter(ONLY_KERNEL_CLASSES);
            return (Machine) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalStateException e) {
            throw new CorruptSnapshotException("unreadable: " + e, e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    static final class CorruptSnapshotException extends RuntimeException {
        CorruptSnapshotException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
