package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/** The machine is stopped and the stopped thread's call stack (what k prints) passes through this function. */
public record InCallStack(String symbol) implements Predicate {
    public Message describe() {
        return Message.of("in_call_stack.describe", symbol);
    }

    public List<Message> problems(MachineState state) {
        return state.stop()
                .map(stop -> stop.inCallStack(symbol) ? List.<Message>of()
                        : List.of(Message.of("in_call_stack.missing", symbol, stop.symbol())))
                .orElseGet(() -> List.of(Message.of("stopped_at.running", symbol)));
    }
}
