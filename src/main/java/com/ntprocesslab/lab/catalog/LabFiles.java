package com.ntprocesslab.lab.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The files of one lab folder, wherever they are stored (a directory, or resources in the jar). */
public interface LabFiles {

    /** The folder's name, used in messages ("04-suspended-start/lab.yaml:3: ..."). */
    String folder();

    /** The text of a file of the folder, or empty when it does not exist. */
    Optional<String> read(String fileName);

    static LabFiles of(Path directory) {
        return new LabFiles() {
            public String folder() {
                return directory.getFileName().toString();
            }

            public Optional<String> read(String fileName) {
                Path file = directory.resolve(fileName);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + file, e);
                }
            }
        };
    }
}
