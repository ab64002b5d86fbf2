package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.text.Localized;
import java.util.Optional;

/**
 * A checkpoint's grade as the student sees it: the feedback in both languages and, after two
 * failed attempts, the checkpoint's hint.
 */
public record CheckOutcome(String checkpointId, Localized title, boolean passed, Localized feedback, Optional<Localized> hint) {
}
