package com.ntprocesslab.lab.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The machine's objects by address, for the structure inspector: every object of the snapshot
 * that has an {@code Address} becomes a {@link Structure}, and every field whose value is the
 * address of another object links to it. Read-only, like {@link MachineState}.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class MachineObjects {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The kernel's structure names for the snapshot's object kinds and nested members. */
    private static final Map<String, String> KERNEL_TYPES = Map.of(
            "Process", "EPROCESS", "Thread", "ETHREAD", "Peb", "PEB", "Teb", "TEB", "Token", "TOKEN",
            "ObjectTable", "HANDLE_TABLE", "PsIdleProcess", "EPROCESS");

    private final Map<String, Structure> byAddress;
    private final List<Structure> processes;
    private final Optional<StopInfo> currentStop;
    private final boolean classic;

    public static MachineObjects fromSnapshot(String snapshotJson) {
        JsonNode root;
        try {
            root = JSON.readTree(snapshotJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The machine snapshot is not valid JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, JsonNode> nodes = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        collect(root, "", nodes, keys);
        Map<String, Structure> byAddress = new HashMap<>();
        nodes.forEach((address, node) -> byAddress.put(address, structure(node, keys.get(address), nodes.keySet())));
        List<Structure> processes = new ArrayList<>();
        for (JsonNode process : root.path("PsActiveProcessHead")) {
            processes.add(byAddress.get(normalize(process.path("Address").asString(""))));
        }
        return new MachineObjects(Map.copyOf(byAddress), List.copyOf(processes), currentStop(root),
                "CLASSIC".equals(root.path("Profile").asString("")));
    }

    /** True for a Windows XP machine: its creation runs in six phases rather than seven stages. */
    public boolean classic() {
        return classic;
    }

    /** The object at an address as the student typed or clicked it ("ffffa08f`1c2db040", "0x3ac0440000"). */
    public Optional<Structure> at(String address) {
        return Optional.ofNullable(byAddress.get(normalize(address)));
    }

    /** Every structure by its normalized address (for {@link MachineChanges}). */
    Map<String, Structure> structures() {
        return byAddress;
    }

    /** The EPROCESS of each active process, in the order of PsActiveProcessHead (the order of {@link MachineState#processes()}). */
    public List<Structure> processes() {
        return processes;
    }

    /**
     * Where the machine stands inside a creation: the thread of an unfinished .call, or the
     * thread the debugger stopped in, with the call stack {@code k} prints (innermost first)
     * and the stage. Empty when every thread waits.
     */
    public Optional<StopInfo> currentStop() {
        return currentStop;
    }

    /** Addresses compare without the backtick, the 0x and leading zeros, as WinDbg accepts them. */
    static String normalize(String address) {
        String text = address.strip().toLowerCase(Locale.ROOT).replace("`", "");
        if (text.startsWith("0x")) {
            text = text.substring(2);
        }
        text = text.replaceFirst("^0+(?=.)", "");
        return text.matches("[0-9a-f]+") ? text : "";
    }

    /** Finds every object with an address; of two copies of one object the richer one wins. */
    private static void collect(JsonNode node, String key, Map<String, JsonNode> nodes, Map<String, String> keys) {
        if (node.isObject()) {
            String address = normalize(node.path("Address").asString(""));
            if (!address.isEmpty() && (!nodes.containsKey(address) || nodes.get(address).size() < node.size())) {
                nodes.put(address, node);
                keys.put(address, key);
            }
            node.properties().forEach(entry -> collect(entry.getValue(), entry.getKey(), nodes, keys));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, key, nodes, keys));
        }
    }

    private static Structure structure(JsonNode node, String key, Set<String> addresses) {
        String kind = node.path("Type").isString() ? node.path("Type").asString() : key;
        String type = KERNEL_TYPES.getOrDefault(kind, kind.isEmpty() ? "OBJECT" : kind);
        return new Structure(node.path("Address").asString(), type, label(node),
                withObjectHeader(type, fields(node, normalize(node.path("Address").asString("")), addresses)));
    }

    /**
     * An object's PointerCount and HandleCount belong to its OBJECT_HEADER (handles that refer
     * to the object), so they fold under ObjectHeader; an EPROCESS's own HandleCount is the one
     * !process prints, the handles its ObjectTable holds.
     */
    private static List<StructureField> withObjectHeader(String type, List<StructureField> fields) {
        List<StructureField> header = fields.stream().filter(f -> f.name().equals("PointerCount") || f.name().equals("HandleCount")).toList();
        if (header.isEmpty()) {
            return fields;
        }
        List<StructureField> folded = new ArrayList<>();
        for (StructureField f : fields) {
            if (header.contains(f)) {
                continue;
            }
            if (f.name().equals("ImageFileName") && type.equals("EPROCESS")) {
                fields.stream().filter(t -> t.name().equals("ObjectTable")).findFirst()
                        .flatMap(t -> t.child("HandleCount"))
                        .ifPresent(count -> folded.add(new StructureField("HandleCount", count.value(), Optional.empty(), List.of())));
            }
            folded.add(f);
        }
        folded.add(new StructureField("ObjectHeader", "", Optional.empty(), header));
        return List.copyOf(folded);
    }

    private static String label(JsonNode node) {
        if (node.path("ImageFileName").isString()) {
            return node.path("ImageFileName").asString();
        }
        if (node.path("Cid").isObject()) {
            return "thread " + node.path("Cid").path("UniqueThread").asString("");
        }
        return node.path("Name").isString() ? node.path("Name").asString() : "";
    }

    /** Fields that hold a name or a state's name, not a pointer: null means there is none, not a null pointer. */
    private static final Set<String> TEXT_FIELDS = Set.of("Name", "Target", "WaitReason");

    private static List<StructureField> fields(JsonNode node, String ownAddress, Set<String> addresses) {
        List<StructureField> fields = new ArrayList<>();
        if (node.isObject()) {
            node.properties().stream()
                    // an unnamed object, a handle to an unnamed object, a thread that waits for nothing: WinDbg prints no line, so neither do the panels
                    .filter(entry -> !(entry.getValue().isNull() && TEXT_FIELDS.contains(entry.getKey())))
                    .forEach(entry -> fields.add(field(entry.getKey(), entry.getValue(), ownAddress, addresses)));
        } else {
            int index = 0;
            for (JsonNode item : node) {
                fields.add(field("[" + index++ + "]", item, ownAddress, addresses));
            }
        }
        return List.copyOf(fields);
    }

    private static StructureField field(String name, JsonNode value, String ownAddress, Set<String> addresses) {
        if (value.isObject() || value.isArray()) {
            String summary = value.isArray() ? "[" + value.size() + "]" : value.path("Address").asString("");
            String nestedAddress = normalize(value.path("Address").asString(""));
            Optional<String> link = value.isObject() && addresses.contains(nestedAddress) && !nestedAddress.equals(ownAddress)
                    ? Optional.of(value.path("Address").asString()) : Optional.empty();
            return new StructureField(name, summary, link, fields(value, ownAddress, addresses));
        }
        // a null pointer reads as dt prints it; a thread outside a creation has no stage; numbers in hex, as the debugger prints them
        String text = value.isNull() ? (name.equals("Stage") ? "-" : "(null)")
                : value.isIntegralNumber() ? String.format("0x%x", value.asLong()) : value.asString("");
        String target = normalize(text);
        boolean pointsElsewhere = addresses.contains(target) && !target.equals(ownAddress);
        return new StructureField(name, text, pointsElsewhere ? Optional.of(text) : Optional.empty(), List.of());
    }

    /** The thread a .call is running on, else the thread the debugger stopped in (it is the running one). */
    private static Optional<StopInfo> currentStop(JsonNode root) {
        JsonNode pending = root.path("PendingCalls").path(0);
        boolean inCall = pending.isObject();
        String thread = normalize((inCall ? pending.path("Thread") : root.path("RunningThread")).asString(""));
        if (thread.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode process : root.path("PsActiveProcessHead")) {
            for (JsonNode t : process.path("ThreadListHead")) {
                if (normalize(t.path("Cid").path("UniqueThread").asString("")).equals(thread)) {
                    List<String> frames = new ArrayList<>();
                    t.path("Frames").forEach(f -> frames.add(f.asString("")));
                    List<String> visible = inCall ? withoutInterruptedKernelFrames(frames) : frames;
                    return visible.isEmpty() ? Optional.empty()
                            : Optional.of(new StopInfo(visible.getFirst(), List.copyOf(visible), t.path("Stage").asInt(0)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The frames {@code k} shows for a thread running a .call: a .call is made in user mode, so
     * the kernel frames it interrupted (a kernel frame outside a user-mode one, which only a
     * .call produces) are not on its stack. The snapshot keeps them to resume the wait afterwards.
     */
    private static List<String> withoutInterruptedKernelFrames(List<String> frames) {
        List<String> visible = new ArrayList<>();
        boolean outsideUserFrame = false;
        for (String frame : frames) {
            boolean kernel = frame.startsWith("nt!");
            if (kernel && outsideUserFrame) {
                continue;
            }
            visible.add(frame);
            outsideUserFrame = !kernel;
        }
        return visible;
    }
}
