package com.ntprocesslab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The data folder holds the database (every student's commands) and the first-start
 * password: it is created owner-only (0700) before the database opens it, and an existing
 * one readable by others is closed to them. Registered in META-INF/spring.factories, so it
 * runs before any bean, the data source included.
 */
public class DataFolder implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String path = event.getEnvironment().getProperty("ntlab.data.path");
        if (path != null && !path.isBlank()) {
            prepare(Path.of(path));
        }
    }

    static void prepare(Path folder) {
        try {
            boolean posix = Files.getFileStore(Files.createDirectories(folder.toAbsolutePath().getParent()))
                    .supportsFileAttributeView(PosixFileAttributeView.class);
            if (!posix) {
                Files.createDirectories(folder);
            } else if (Files.notExists(folder)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // The umask may have removed bits we asked for, never added any; set them exactly.
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            } else if (!Files.getPosixFilePermissions(folder).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the data folder " + folder.toAbsolutePath(), e);
        }
    }
}
