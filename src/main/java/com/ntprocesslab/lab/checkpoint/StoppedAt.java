package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** The machine is stopped (breakpoint or step) at this symbol, e.g. nt!MmCreateProcessAddressSpace. */
public record StoppedAt(String symbol) implements Predicate {
    public Message describe() {
        return Message.of("stopped_at.describe", symbol);
    }

    public List<Message> problems(MachineState state) {
        return state.stop()
                .map(stop -> stop.symbol().equalsIgnoreCase(symbol) ? List.<Message>of()
                        : List.of(Message.of("stopped_at.wrong", symbol, stop.symbol())))
                .orElseGet(() -> List.of(Message.of("stopped_at.running", symbol)));
    }
}
