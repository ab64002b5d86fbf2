package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.History;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Over the history: a {@code .call} of this API completed at some point so far, optionally by a
 * process of this image and with this outcome. It tells apart paths that end in the same
 * state (a thread resumed by ResumeThread, or never suspended at all).
 */
public record Called(String api, Optional<String> caller, Optional<Boolean> succeeded) implements Predicate {
    public Message describe() {
        return caller.map(c -> Message.of("called.describe_by", api, c)).orElseGet(() -> Message.of("called.describe", api));
    }

    public List<Message> problems(MachineState state) {
        List<History.CallRecord> calls = state.history().calls().stream()
                .filter(call -> call.api().equals(api.toLowerCase(Locale.ROOT)))
                .filter(call -> caller.map(c -> call.caller().equals(c.toLowerCase(Locale.ROOT))).orElse(true))
                .toList();
        if (calls.stream().anyMatch(call -> succeeded.map(wanted -> call.succeeded() == wanted).orElse(true))) {
            return List.of();
        }
        String who = caller.orElse("any process");
        if (calls.isEmpty()) {
            return List.of(caller.map(c -> Message.of("called.never_by", api, c)).orElseGet(() -> Message.of("called.never", api)));
        }
        return List.of(Message.of(succeeded.orElse(true) ? "called.only_failed" : "called.only_succeeded", api, who));
    }
}
