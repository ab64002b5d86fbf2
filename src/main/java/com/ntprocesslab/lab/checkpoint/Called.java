package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.History;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Over the history: a {@code .call} of this API completed at some point so far, optionally by a
 * process of this image, on a process of this image (the one its handle argument named) and with
 * this outcome. It tells apart paths that end in the same state (a thread resumed by ResumeThread,
 * or never suspended at all). With {@code present: false} no such call may have happened: a
 * process that must end itself was not ended from outside.
 */
public record Called(String api, Optional<String> caller, Optional<String> target, Optional<Boolean> succeeded, boolean present)
        implements Predicate {

    public Called(String api, Optional<String> caller, Optional<Boolean> succeeded) {
        this(api, caller, Optional.empty(), succeeded, true);
    }

    public Message describe() {
        if (!present) {
            return Message.of("called.describe_absent", api, target.orElse(caller.orElse("")));
        }
        if (target.isPresent()) {
            return Message.of("called.describe_on", api, caller.orElse(""), target.get());
        }
        return caller.map(c -> Message.of("called.describe_by", api, c)).orElseGet(() -> Message.of("called.describe", api));
    }

    public List<Message> problems(MachineState state) {
        List<History.CallRecord> calls = state.history().calls().stream()
                .filter(call -> call.api().equals(api.toLowerCase(Locale.ROOT)))
                .filter(call -> caller.map(c -> call.caller().equals(c.toLowerCase(Locale.ROOT))).orElse(true))
                .filter(call -> target.map(t -> call.target().equals(t.toLowerCase(Locale.ROOT))).orElse(true))
                .toList();
        List<History.CallRecord> matching = calls.stream()
                .filter(call -> succeeded.map(wanted -> call.succeeded() == wanted).orElse(true)).toList();
        if (!present) {
            return matching.isEmpty() ? List.of() : List.of(Message.of("called.forbidden", api, matching.get(0).caller(),
                    target.orElse(matching.get(0).target())));
        }
        if (!matching.isEmpty()) {
            return List.of();
        }
        if (calls.isEmpty()) {
            if (target.isPresent()) {
                return List.of(Message.of("called.never_on", api, caller.orElse("a process"), target.get()));
            }
            return List.of(caller.map(c -> Message.of("called.never_by", api, c)).orElseGet(() -> Message.of("called.never", api)));
        }
        return List.of(Message.of(succeeded.orElse(true) ? "called.only_failed" : "called.only_succeeded", api, caller.orElse("any process")));
    }
}
