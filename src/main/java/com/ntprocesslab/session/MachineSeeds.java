package com.ntprocesslab.session;

import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.store.machine.MachineRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The boot seed of a student's lab machine: HMAC-SHA256 of the student's account id and the
 * lab id under the installation's key, so every student's machine numbers its processes,
 * handles and addresses differently, the same student gets the same numbers again after a
 * reset, and no one can work out another student's seed. The seed is stored with the machine,
 * so its replays never depend on the key. The key is {@code ntlab.machine.seed-key} when set
 * (the same on every node of a cluster), else a random one kept in the data folder.
 */
@Component
public class MachineSeeds {

    static final String KEY_FILE = "machine-seed.key";

    private final SecretKeySpec key;

    MachineSeeds(@Value("${ntlab.machine.seed-key:}") String configuredKey, @Value("${ntlab.data.path:./data}") Path dataFolder) {
        byte[] secret = configuredKey.isEmpty() ? storedKey(dataFolder.resolve(KEY_FILE)) : configuredKey.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The seed a new lab machine of {@code ownerId} for lab {@code labId} boots with. */
    public long forLab(long ownerId, String labId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((ownerId + "\n" + labId).getBytes(StandardCharsets.UTF_8));
            long seed = ByteBuffer.wrap(digest).getLong();
            return seed == BootSeed.DEFAULT ? 1 : seed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The seed a machine boots with on replay: the stored one, or the default for machines from before seeds. */
    public static long of(MachineRecord record) {
        return record.getBootSeed() == null ? BootSeed.DEFAULT : record.getBootSeed();
    }

    private static byte[] storedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, HexFormat.of().formatHex(fresh));
                } catch (FileAlreadyExistsException raced) {
                    // another start wrote it first: use theirs
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the machine seed key " + file, e);
        }
    }
}
