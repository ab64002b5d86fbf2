package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** Every thread of the process with this image is in this dispatcher state (Terminated counts too). */
public record ThreadState(String image, String state) implements Predicate {
    public Message describe() {
        return Message.of("thread_state.describe", image, state);
    }

    public List<Message> problems(MachineState machine) {
        return Predicate.forSomeProcess(machine, image, p -> {
            if (p.threads().isEmpty()) {
                return List.of(Message.of("threads.none", image));
            }
            return p.threads().stream().filter(t -> !t.state().equalsIgnoreCase(state))
                    .map(t -> Message.of("thread_state.wrong", image, state, t.state()))
                    .distinct().toList();
        });
    }
}
