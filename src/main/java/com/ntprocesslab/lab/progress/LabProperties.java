package com.ntprocesslab.lab.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where labs are read from.
 *
 * @param path a folder of lab folders; when it does not exist, the labs packaged in the jar are used
 */
@ConfigurationProperties("ntlab.labs")
public record LabProperties(String path) {

    public LabProperties {
        if (path == null || path.isBlank()) {
            path = "labs";
        }
    }
}
