package com.ntprocesslab.api;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.lab.progress.CheckOutcome;
import com.ntprocesslab.lab.progress.CheckReport;
import com.ntprocesslab.lab.progress.LabChecks;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.lab.progress.LabStanding;
import com.ntprocesslab.lab.progress.LabStandings;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The labs as the catalog page shows them, a lab's machine, and Check, for the caller's own work. */
@RestController
@RequestMapping("/api/v1/labs")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LabsController {

    private final LabStandings standings;
    private final LabMachines machines;
    private final LabChecks checks;

    @GetMapping
    List<LabSummary> labs(Authentication caller) {
        return standings.standings(caller.getName()).stream().map(LabSummary::of).toList();
    }

    /** The caller's machine for the lab: booted and set up by the lab's setup commands on first use. */
    @PostMapping("/{labId}/machine")
    OpenedMachine open(Authentication caller, @PathVariable String labId) {
        return new OpenedMachine(machines.openLab(caller.getName(), labId), labId);
    }

    /** Grades the caller's lab machine over its whole history, as the lab page's Check button does. */
    @PostMapping("/{labId}/check")
    CheckResult check(Authentication caller, @PathVariable String labId) {
        return CheckResult.of(checks.check(caller.getName(), labId));
    }

    record LabSummary(String id, ApiText title, String difficulty, String profile, int checkpoints, int passed, boolean started) {
        static LabSummary of(LabStanding standing) {
            Lab lab = standing.lab();
            return new LabSummary(lab.id(), ApiText.of(lab.title()), lab.difficulty(), profileName(lab),
                    standing.checkpoints(), standing.passed(), standing.started());
        }
    }

    /** The kernel profile's name as lab.yaml spells it; read through Object, as the API does not use the kernel itself. */
    private static String profileName(Lab lab) {
        return String.valueOf((Object) lab.profile()).toLowerCase(Locale.ROOT);
    }

    record OpenedMachine(long machineId, String labId) {
    }

    record CheckResult(String labId, boolean complete, List<Outcome> checkpoints, String nextLab, boolean solutionOffered) {
        static CheckResult of(CheckReport report) {
            return new CheckResult(report.lab().id(), report.complete(), report.outcomes().stream().map(Outcome::of).toList(),
                    report.nextLab().map(Lab::id).orElse(null), report.solutionOffered());
        }
    }

    /** {@code status}: passed, next (the one to reach now, with feedback) or not_reached (counts after the ones before it). */
    record Outcome(String id, ApiText title, String status, ReachedAt reached, ApiText feedback, ApiText hint) {
        static Outcome of(CheckOutcome outcome) {
            return new Outcome(outcome.checkpointId(), ApiText.of(outcome.title()), outcome.status().name().toLowerCase(Locale.ROOT),
                    outcome.reached().map(ReachedAt::of).orElse(null), ApiText.of(outcome.feedback()),
                    outcome.hint().map(ApiText::of).orElse(null));
        }
    }

    /** Where a checkpoint was first reached: after the command at {@code position} of the machine's log. */
    record ReachedAt(long position, String command, Instant at) {
        static ReachedAt of(Reached reached) {
            return new ReachedAt(reached.position(), reached.command(), reached.at().orElse(null));
        }
    }
}
