package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** The process with this image has exactly {@code equals} threads that have not terminated. */
public record ThreadCount(String image, long equals) implements Predicate {
    public Message describe() {
        return Message.of("thread_count.describe", image, String.valueOf(equals));
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p -> p.liveThreads().size() == equals ? List.of()
                : List.of(Message.of("thread_count.wrong", String.valueOf(equals), image, String.valueOf(p.liveThreads().size()))));
    }
}
