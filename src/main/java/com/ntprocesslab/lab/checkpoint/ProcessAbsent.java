package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** No process object with this image exists at all, not even an exited one kept alive by a handle. */
public record ProcessAbsent(String image) implements Predicate {
    public Message describe() {
        return Message.of("process_absent.describe", image);
    }

    public List<Message> problems(MachineState state) {
        int found = state.processesNamed(image).size();
        return found == 0 ? List.of() : List.of(Message.of("process_absent.found", image, String.valueOf(found)));
    }
}
