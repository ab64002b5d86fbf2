package com.ntprocesslab.lab.state;

import java.util.List;
import java.util.Optional;

/**
 * One field of a kernel structure as {@code dt} shows it. A scalar has a value; a nested
 * structure or a list has children (list items are named {@code [0]}, {@code [1]} ...).
 * {@code link} is the address of the object the value points at, when the machine has one there.
 */
public record StructureField(String name, String value, Optional<String> link, List<StructureField> children) {

    public boolean nested() {
        return !children.isEmpty();
    }

    /** The child with this name, if any. */
    public Optional<StructureField> child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst();
    }

    /** The text value of a child, or "" when absent. */
    public String childValue(String childName) {
        return child(childName).map(StructureField::value).orElse("");
    }
}
