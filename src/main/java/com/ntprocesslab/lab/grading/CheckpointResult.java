package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.lab.text.Localized;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The grade of one checkpoint. {@code feedback} always says something: what was checked when
 * it passed, every difference when it failed.
 */
public record CheckpointResult(String checkpointId, Localized title, boolean passed, List<Message> feedback) {

    public String feedbackIn(Language language) {
        return feedback.stream().map(m -> m.in(language)).collect(Collectors.joining("\n"));
    }
}
