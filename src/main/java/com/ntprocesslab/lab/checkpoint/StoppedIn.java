package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/**
 * Over the history: at some stop so far (a breakpoint hit or a step), this function was on the
 * stopped thread's call stack. Unlike {@code stopped_at}, it keeps holding after the student
 * runs on.
 */
public record StoppedIn(String symbol) implements Predicate {
    public Message describe() {
        return Message.of("stopped_in.describe", symbol);
    }

    public List<Message> problems(MachineState state) {
        return state.history().wasStoppedIn(symbol) ? List.of() : List.of(Message.of("stopped_in.never", symbol));
    }
}
