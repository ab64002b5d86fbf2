package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.HandleInfo;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The handle table of the process {@code owner} holds (or, with {@code present: false}, does
 * not hold) a handle of this object type, optionally to {@code target} and with exactly this
 * granted access. Handle values are never compared: they legitimately differ.
 */
public record HandleHeld(String owner, String type, Optional<String> target, OptionalLong access, boolean present)
        implements Predicate {

    public Message describe() {
        return Message.of(present ? "handle.describe" : "handle.describe_absent", owner, what());
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, owner, p -> {
            List<HandleInfo> matching = p.handles().stream().filter(this::matches).toList();
            if (present == !matching.isEmpty()) {
                return List.of();
            }
            if (!present) {
                return List.of(Message.of("handle.unexpected", owner, what()));
            }
            List<HandleInfo> sameObject = p.handles().stream()
                    .filter(h -> h.objectType().equalsIgnoreCase(type) && target.map(h.target()::equalsIgnoreCase).orElse(true))
                    .toList();
            if (!sameObject.isEmpty() && access.isPresent()) {
                return List.of(Message.of("handle.access", owner, what(), Predicate.hex(sameObject.getFirst().grantedAccess())));
            }
            return List.of(Message.of("handle.missing", owner, what()));
        });
    }

    private boolean matches(HandleInfo handle) {
        return handle.objectType().equalsIgnoreCase(type)
                && target.map(handle.target()::equalsIgnoreCase).orElse(true)
                && (access.isEmpty() || handle.grantedAccess() == access.getAsLong());
    }

    /** "a Process handle to notepad.exe with access 0x1fffff". */
    private String what() {
        return type + target.map(t -> " -> " + t).orElse("") + (access.isPresent() ? " (" + Predicate.hex(access.getAsLong()) + ")" : "");
    }
}
