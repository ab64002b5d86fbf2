package com.ntprocesslab.lab.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lab folders on disk: either one lab folder (it has a lab.yaml) or a folder of lab folders. */
public final class LabFolders {

    private LabFolders() {
    }

    public static List<LabFiles> in(Path path) {
        if (Files.isRegularFile(path.resolve(LabLoader.LAB_YAML))) {
            return List.of(LabFiles.of(path));
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is neither a lab folder (with a lab.yaml) nor a folder of labs");
        }
        try (Stream<Path> children = Files.list(path)) {
            // Hidden folders (.git, editor state) are not labs.
            return children.filter(Files::isDirectory).filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .sorted().map(dir -> LabFiles.of(dir, path)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + path, e);
        }
    }
}
