package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.Optional;

/**
 * The PEB loader list (InLoadOrderModuleList) of the process with this image: empty (the
 * loader has not run) when {@code empty} is true, else it must list {@code contains} if given,
 * or at least one module.
 */
public record LoaderList(String image, boolean empty, Optional<String> contains) implements Predicate {
    public Message describe() {
        if (empty) {
            return Message.of("loader_list.describe_empty", image);
        }
        return contains.map(module -> Message.of("loader_list.describe_contains", image, module))
                .orElseGet(() -> Message.of("loader_list.describe_filled", image));
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p -> {
            if (p.loadedModules().isEmpty()) {
                return List.of(Message.of("loader_list.no_peb", image));
            }
            List<String> modules = p.loadedModules().get();
            if (empty) {
                return modules.isEmpty() ? List.of() : List.of(Message.of("loader_list.not_empty", image, String.join(", ", modules)));
            }
            if (contains.isPresent()) {
                return modules.stream().anyMatch(m -> m.equalsIgnoreCase(contains.get())) ? List.of()
                        : List.of(modules.isEmpty() ? Message.of("loader_list.missing_empty", image, contains.get())
                                : Message.of("loader_list.missing", image, contains.get(), String.join(", ", modules)));
            }
            return modules.isEmpty() ? List.of(Message.of("loader_list.empty", image)) : List.of();
        });
    }
}
