package com.ntprocesslab.session.work;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much machine work the server does at once and how much one piece may take.
 *
 * @param workers threads that run machine work (commands, restores, replays, re-grades, lab runs)
 * @param queuedPerLane pieces of work one lane (one student, one instructor) may have waiting
 * @param commandSteps engine steps one console command may run; past them it is refused and not logged
 * @param commandTime time one console command may run; past it it is refused and not logged
 * @param restoreTime time a restore or read-only replay of one machine may take
 * @param labRunSteps engine steps a lab's setup or solution may run, all its commands together
 * @param labRunTime time a lab's setup or solution may take
 */
@ConfigurationProperties("ntlab.machine")
public record MachineWorkProperties(int workers, int queuedPerLane, long commandSteps, Duration commandTime,
                                    Duration restoreTime, long labRunSteps, Duration labRunTime) {

    public MachineWorkProperties {
        if (workers <= 0) {
            // More threads than cores: one student's long command keeps one thread busy, never all of them.
            workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        }
        if (queuedPerLane <= 0) {
            queuedPerLane = 64;
        }
        if (commandSteps <= 0) {
            commandSteps = 5_000_000;
        }
        if (commandTime == null) {
            commandTime = Duration.ofSeconds(2);
        }
        if (restoreTime == null) {
            restoreTime = Duration.ofSeconds(60);
        }
        if (labRunSteps <= 0) {
            labRunSteps = 20_000_000;
        }
        if (labRunTime == null) {
            labRunTime = Duration.ofSeconds(10);
        }
    }

    public static MachineWorkProperties defaults() {
        return new MachineWorkProperties(0, 0, 0, null, null, 0, null);
    }
}
