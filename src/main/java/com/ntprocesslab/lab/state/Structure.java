package com.ntprocesslab.lab.state;

import java.util.List;
import java.util.Optional;

/**
 * An object of the machine that has an address (a process, thread, token, PEB, handle table ...)
 * with its fields in {@code dt} order. {@code type} is the kernel's name for it (EPROCESS,
 * ETHREAD, TOKEN, PEB ...); {@code label} says which one it is (an image name, a thread id).
 */
public record Structure(String address, String type, String label, List<StructureField> fields) {

    public Optional<StructureField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The text value of a top-level field, or "" when absent. */
    public String value(String name) {
        return field(name).map(StructureField::value).orElse("");
    }

    /** The items of a list field reached by a path of field names, e.g. "Peb", "Ldr", "InLoadOrderModuleList". */
    public List<StructureField> list(String... path) {
        Optional<StructureField> current = field(path[0]);
        for (int i = 1; i < path.length && current.isPresent(); i++) {
            String name = path[i];
            current = current.flatMap(f -> f.child(name));
        }
        return current.map(StructureField::children).orElse(List.of());
    }
}
