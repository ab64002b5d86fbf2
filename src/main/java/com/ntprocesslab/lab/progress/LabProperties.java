package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.LabCatalog;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where labs are read from.
 *
 * @param path a folder of lab folders; when it does not exist, the labs packaged in the jar are used
 * @param labTime how long one lab's loading and verification may take, all its runs together;
 *                past it the lab is reported broken and left out
 * @param startupWait how long start-up waits for the labs before the server answers; 0 (the
 *                    default) answers at once and lets each lab appear when it is verified. Never
 *                    longer than one lab's time in effect, since every lab is stopped by then.
 */
@ConfigurationProperties("ntlab.labs")
public record LabProperties(String path, Duration labTime, Duration startupWait) {

    public LabProperties {
        if (path == null || path.isBlank()) {
            path = "labs";
        }
        if (labTime == null || labTime.isNegative() || labTime.isZero()) {
            labTime = LabCatalog.DEFAULT_LAB_TIME;
        }
        if (startupWait == null || startupWait.isNegative()) {
            startupWait = Duration.ZERO;
        }
    }
}
