package com.ntprocesslab.lab.catalog;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.lab.text.Localized;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A loaded lab whose files passed the schema. {@code folder} is the folder name it was read
 * from (for messages). {@code solutionMarks} says, for checkpoints reached midway, how many
 * solution commands lead to them ({@code # @checkpoint <id>} lines in solution.cmd); the
 * others are reached at the end. {@code fingerprint} changes whenever any of the lab's files
 * change, so a cached reference run of an edited lab is never reused. {@code solutionAfterFailedChecks}:
 * the failed checks after which the page offers the solution; empty: never.
 */
public record Lab(String id, String folder, Localized title, String difficulty, Profile profile,
                  List<Checkpoint> checkpoints, Localized readme, List<ScriptLine> setup, List<ScriptLine> solution,
                  Map<String, Integer> solutionMarks, OptionalInt solutionAfterFailedChecks, String fingerprint) {

    public Optional<Checkpoint> checkpoint(String checkpointId) {
        return checkpoints.stream().filter(c -> c.id().equals(checkpointId)).findFirst();
    }

    /** How many solution commands lead to the state this checkpoint is graded against. */
    public int solutionCommandsBefore(Checkpoint checkpoint) {
        return solutionMarks.getOrDefault(checkpoint.id(), solution.size());
    }
}
