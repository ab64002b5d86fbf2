package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/**
 * Over the history: the failure armed with {@code .fail <kind>} fired inside a call. Two
 * failures can both end in the same Win32 error; only this says which allocation failed,
 * and so in which stage the creation was rolled back.
 */
public record FailureFired(String kind) implements Predicate {
    public Message describe() {
        return Message.of("failure_fired.describe", kind);
    }

    public List<Message> problems(MachineState state) {
        if (state.history().failureFired(kind)) {
            return List.of();
        }
        if (state.history().armed().contains(kind) || state.armedFailures().contains(kind)) {
            return List.of(Message.of("failure_fired.armed", kind));
        }
        return List.of(Message.of("failure_fired.never", kind));
    }
}
