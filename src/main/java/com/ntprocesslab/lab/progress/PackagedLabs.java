package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.LabFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The project's labs as packaged in the jar (classpath {@code labs/<id>/...}), the default when no labs folder exists. */
final class PackagedLabs {

    private PackagedLabs() {
    }

    static List<LabFiles> list() {
        try {
            Resource[] yamls = new PathMatchingResourcePatternResolver().getResources("classpath*:labs/*/lab.yaml");
            return Arrays.stream(yamls).map(PackagedLabs::folderOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the packaged labs", e);
        }
    }

    private static LabFiles folderOf(Resource labYaml) {
        String url = labYaml.getDescription();
        String path = safeUrl(labYaml);
        String folder = path.substring(0, path.lastIndexOf('/'));
        String name = folder.substring(folder.lastIndexOf('/') + 1);
        return new LabFiles() {
            public String folder() {
                return name;
            }

            public Optional<String> read(String fileName) {
                try {
                    Resource file = labYaml.createRelative(fileName);
                    if (!file.exists()) {
                        return Optional.empty();
                    }
                    try (InputStream in = file.getInputStream()) {
                        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + fileName + " next to " + url, e);
                }
            }
        };
    }

    private static String safeUrl(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
