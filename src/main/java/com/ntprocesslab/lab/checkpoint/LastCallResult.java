package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.LastCall;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The last {@code .call}: optionally of this API, succeeded or failed, with this Win32 error
 * (GetLastError), optionally on the process of this image (see {@link LastCall#target()}: for
 * OpenProcess the PID asked for, so that "System may not be opened" is not met by opening csrss).
 * {@code win32Error} implies a failure.
 */
public record LastCallResult(Optional<String> api, Optional<String> target, Optional<Boolean> succeeded, OptionalLong win32Error)
        implements Predicate {

    public LastCallResult(Optional<String> api, Optional<Boolean> succeeded, OptionalLong win32Error) {
        this(api, Optional.empty(), succeeded, win32Error);
    }

    public Message describe() {
        String which = api.orElse(".call") + target.map(t -> " (" + t + ")").orElse("");
        if (win32Error.isPresent()) {
            return Message.of("last_call.describe_error", which, Predicate.hex(win32Error.getAsLong()));
        }
        return Message.of(succeeded.orElse(true) ? "last_call.describe_success" : "last_call.describe_failure", which);
    }

    public List<Message> problems(MachineState state) {
        Optional<LastCall> last = state.lastCall();
        String which = api.orElse(".call");
        if (last.isEmpty()) {
            return List.of(Message.of("last_call.none", which));
        }
        LastCall call = last.get();
        List<Message> problems = new ArrayList<>();
        if (api.isPresent() && !api.get().equalsIgnoreCase(call.api())) {
            return List.of(Message.of("last_call.other_api", which, call.api()));
        }
        if (target.isPresent() && !target.get().equalsIgnoreCase(call.target())) {
            return List.of(call.target().isEmpty() ? Message.of("last_call.no_target", which, target.get())
                    : Message.of("last_call.other_target", which, target.get(), call.target()));
        }
        if (!call.completed()) {
            return List.of(Message.of("last_call.unfinished", which));
        }
        boolean wantSuccess = succeeded.orElse(win32Error.isEmpty());
        if (wantSuccess && !call.succeeded()) {
            problems.add(Message.of("last_call.failed", which, Predicate.hex(call.lastError())));
        } else if (!wantSuccess && call.succeeded()) {
            problems.add(Message.of("last_call.succeeded", which));
        } else if (win32Error.isPresent() && call.lastError() != win32Error.getAsLong()) {
            problems.add(Message.of("last_call.error", which, Predicate.hex(win32Error.getAsLong()), Predicate.hex(call.lastError())));
        }
        return problems;
    }
}
