package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** Every live thread of the process with this image has this suspend count. */
public record SuspendCount(String image, long equals) implements Predicate {
    public Message describe() {
        return Message.of("suspend_count.describe", image, String.valueOf(equals));
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p -> {
            if (p.liveThreads().isEmpty()) {
                return List.of(Message.of("threads.none", image));
            }
            return p.liveThreads().stream().filter(t -> t.suspendCount() != equals)
                    .map(t -> Message.of("suspend_count.wrong", image, String.valueOf(equals), String.valueOf(t.suspendCount())))
                    .distinct().toList();
        });
    }

}
