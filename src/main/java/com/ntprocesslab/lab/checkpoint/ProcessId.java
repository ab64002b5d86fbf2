package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.state.ProcessInfo;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** The process with this image has this PID (System is always 4). */
public record ProcessId(String image, long equals) implements Predicate {
    public Message describe() {
        return Message.of("process_id.describe", image, String.valueOf(equals));
    }

    public List<Message> problems(MachineState state) {
        return Predicate.processNumber(state, image, "process_id.wrong", equals, ProcessInfo::pid);
    }
}
