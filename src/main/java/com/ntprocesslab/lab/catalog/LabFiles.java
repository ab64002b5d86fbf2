package com.ntprocesslab.lab.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The files of one lab folder, wherever they are stored (a directory, or resources in the jar). */
public interface LabFiles {

    /** The folder's name, used in messages ("04-suspended-start/lab.yaml:3: ..."). */
    String folder();

    /** The text of a file of the folder, or empty when it does not exist. */
    Optional<String> read(String fileName);

    static LabFiles of(Path directory) {
        return of(directory, directory);
    }

    /** The lab folder {@code directory}, whose files (after following links) must lie inside {@code boundary}. */
    static LabFiles of(Path directory, Path boundary) {
        return new LabFiles() {
            public String folder() {
                return directory.getFileName().toString();
            }

            public Optional<String> read(String fileName) {
                Path file = directory.resolve(fileName);
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
                try {
                    // A link may point anywhere (/etc/hostname ...): only files inside the lab folder are read.
                    Path real = file.toRealPath();
                    if (!real.startsWith(boundary.toRealPath())) {
                        throw new LabFileRejectedException(fileName, 0, "leads (through a link) to " + real + ", outside the lab folder; "
                                + "a lab reads only its own files");
                    }
                    if (!Files.isRegularFile(real)) {
                        return Optional.empty();
                    }
                    LabFileLimits.checkSize(fileName, Files.size(real));
                    return Optional.of(LabFileLimits.text(fileName, Files.readAllBytes(real)));
                } catch (IOException e) {
                    throw new LabFileRejectedException(fileName, 0, "could not be read: " + e.getMessage());
                }
            }
        };
    }
}
