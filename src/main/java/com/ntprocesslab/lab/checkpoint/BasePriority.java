package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.state.ProcessInfo;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** The process with this image runs at this base priority (its priority class decides it). */
public record BasePriority(String image, long equals) implements Predicate {
    public Message describe() {
        return Message.of("base_priority.describe", image, String.valueOf(equals));
    }

    public List<Message> problems(MachineState state) {
        return Predicate.processNumber(state, image, "base_priority.wrong", equals, ProcessInfo::basePriority);
    }
}
