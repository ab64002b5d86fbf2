package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** The process with this image has exited with this exit status (its object is still there). */
public record ExitStatus(String image, long equals) implements Predicate {
    public Message describe() {
        return Message.of("exit_status.describe", image, Predicate.hex(equals));
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p -> {
            if (!p.exited()) {
                return List.of(Message.of("exit_status.running", image));
            }
            return p.exitStatus() == equals ? List.of()
                    : List.of(Message.of("exit_status.wrong", image, Predicate.hex(equals), Predicate.hex(p.exitStatus())));
        });
    }
}
