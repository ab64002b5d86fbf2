package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** Exactly {@code equals} running processes have this image. */
public record ProcessCount(String image, long equals) implements Predicate {
    public Message describe() {
        return Message.of("process_count.describe", String.valueOf(equals), image);
    }

    public List<Message> problems(MachineState state) {
        long running = state.processesNamed(image).stream().filter(p -> !p.exited()).count();
        return running == equals ? List.of()
                : List.of(Message.of("process_count.wrong", String.valueOf(equals), image, String.valueOf(running)));
    }
}
