package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** A process with this image was created by a process with the parent image. */
public record ChildOf(String image, String parent) implements Predicate {
    public Message describe() {
        return Message.of("child_of.describe", image, parent);
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p -> state.parentImage(p)
                .map(actual -> actual.equalsIgnoreCase(parent) ? List.<Message>of()
                        : List.of(Message.of("child_of.wrong", image, parent, actual)))
                .orElseGet(() -> List.of(Message.of("child_of.orphan", image, parent))));
    }
}
