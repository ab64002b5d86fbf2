package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The machine is stopped in this stage of process creation (1-7), optionally on a thread of this image. */
public record StoppedInStage(long stage, Optional<String> image) implements Predicate {
    public Message describe() {
        return image.map(i -> Message.of("stopped_in_stage.describe_image", String.valueOf(stage), i))
                .orElseGet(() -> Message.of("stopped_in_stage.describe", String.valueOf(stage)));
    }

    public List<Message> problems(MachineState state) {
        if (state.stop().isEmpty()) {
            return List.of(Message.of("stopped_in_stage.running", String.valueOf(stage)));
        }
        var stop = state.stop().get();
        List<Message> problems = new ArrayList<>();
        if (stop.stage() != stage) {
            problems.add(Message.of("stopped_in_stage.wrong", String.valueOf(stage), String.valueOf(stop.stage()), stop.symbol()));
        }
        if (image.isPresent() && !image.get().equalsIgnoreCase(stop.image())) {
            problems.add(Message.of("stopped_in_stage.thread", image.get(), stop.image()));
        }
        return problems;
    }
}
