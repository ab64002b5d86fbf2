package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.Locale;

/** The command line of the process with this image contains a text (case-insensitive, like paths on Windows). */
public record CommandLineContains(String image, String text) implements Predicate {
    public Message describe() {
        return Message.of("command_line.describe", image, text);
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p ->
                p.commandLine().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)) ? List.of()
                        : List.of(Message.of("command_line.wrong", image, text, p.commandLine())));
    }
}
