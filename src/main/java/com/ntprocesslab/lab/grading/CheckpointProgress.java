package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One checkpoint graded over a history: reached (and where), or not yet. Only the next
 * checkpoint to reach carries feedback on what is still missing; later ones are simply not
 * reached yet, since they count only once the ones before them are.
 */
public record CheckpointProgress(Checkpoint checkpoint, Optional<Reached> reached, List<Message> feedback) {

    public boolean passed() {
        return reached.isPresent();
    }

    public String feedbackIn(Language language) {
        return feedback.stream().map(m -> m.in(language)).distinct().collect(Collectors.joining("\n"));
    }
}
