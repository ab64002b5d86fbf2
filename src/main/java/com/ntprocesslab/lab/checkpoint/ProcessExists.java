package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** A running (not exited) process with this image exists. */
public record ProcessExists(String image) implements Predicate {
    public Message describe() {
        return Message.of("process_exists.describe", image);
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p -> p.exited()
                ? List.of(Message.of("process_exists.exited", image, Predicate.hex(p.exitStatus())))
                : List.of());
    }
}
