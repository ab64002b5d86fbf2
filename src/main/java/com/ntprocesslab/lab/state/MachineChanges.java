package com.ntprocesslab.lab.state;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one command changed, read from two snapshots of the machine (before and after): the
 * structures that are new, and in each structure the fields whose value is new or different.
 * The panels highlight them. A field is named by its path from the structure: member names, and
 * for an item of a list its identity (its address, handle value, DLL name or first VPN, see
 * {@link #key}), so a handle entry is the same entry wherever it sits in the table.
 */
public final class MachineChanges {
    public static final MachineChanges NONE = new MachineChanges(Set.of(), Map.of());

    private final Set<String> added;
    /** Per structure address, the changed paths and every path above them. */
    private final Map<String, Set<String>> changed;

    private MachineChanges(Set<String> added, Map<String, Set<String>> changed) {
        this.added = added;
        this.changed = changed;
    }

    public static MachineChanges between(MachineObjects before, MachineObjects after) {
        if (before == null) {
            return NONE;
        }
        Set<String> added = new HashSet<>();
        Map<String, Set<String>> changed = new HashMap<>();
        for (Map.Entry<String, Structure> e : after.structures().entrySet()) {
            Structure old = before.structures().get(e.getKey());
            if (old == null) {
                added.add(e.getKey());
                continue;
            }
            Map<String, String> was = flatten(old);
            Set<String> paths = new HashSet<>();
            flatten(e.getValue()).forEach((path, value) -> {
                if (!value.equals(was.get(path))) {
                    // the field and every member and list item it sits in
                    for (String p = path; !p.isEmpty(); p = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "") {
                        paths.add(p);
                    }
                }
            });
            if (!paths.isEmpty()) {
                changed.put(e.getKey(), paths);
            }
        }
        return new MachineChanges(Set.copyOf(added), Map.copyOf(changed));
    }

    /** True when the command changed nothing any panel shows (inspection commands). */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty();
    }

    /** The structure at this address is new. */
    public boolean added(String address) {
        return added.contains(MachineObjects.normalize(address));
    }

    /** A field of the structure at this address is new or different. */
    public boolean changed(String address) {
        return changed.containsKey(MachineObjects.normalize(address));
    }

    /** The field at this path of the structure (or a member or item below it) is new or different. */
    public boolean changed(String address, String path) {
        return changed.getOrDefault(MachineObjects.normalize(address), Set.of()).contains(path);
    }

    /**
     * A list item that was not in that list before (a new thread, handle entry, module, VAD):
     * the structure is not new but no field of the item's path existed.
     */
    public boolean addedItem(MachineObjects before, String address, String itemPath) {
        if (before == null || added(address)) {
            return false;
        }
        Structure old = before.structures().get(MachineObjects.normalize(address));
        return old != null && flatten(old).keySet().stream().noneMatch(p -> p.equals(itemPath) || p.startsWith(itemPath + "/"));
    }

    /** A list item's identity: its address, else its handle value, DLL name or starting VPN, else its index. */
    public static String key(StructureField item) {
        for (String member : new String[] {"Address", "Handle", "BaseDllName", "StartingVpn", "Cid"}) {
            String value = item.childValue(member);
            if (!value.isEmpty()) {
                return member.equals("Address") ? MachineObjects.normalize(value) : value;
            }
        }
        return item.name();
    }

    /** Every leaf of the structure by its path. */
    static Map<String, String> flatten(Structure structure) {
        Map<String, String> leaves = new HashMap<>();
        for (StructureField field : structure.fields()) {
            flatten(field.name(), field, leaves);
        }
        return leaves;
    }

    private static void flatten(String path, StructureField field, Map<String, String> leaves) {
        if (!field.nested()) {
            leaves.put(path, field.value());
            return;
        }
        boolean list = field.children().getFirst().name().startsWith("[");
        for (StructureField child : field.children()) {
            flatten(path + "/" + (list ? key(child) : child.name()), child, leaves);
        }
    }

    /** The path of a list item for {@link #changed(String, String)}: the list's path, then the item's key. */
    public static String itemPath(String listPath, StructureField item) {
        return listPath + "/" + key(item);
    }
}
