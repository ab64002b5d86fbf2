package com.ntprocesslab.lab.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine as labs see it: a small read-only model read from the kernel's canonical JSON
 * snapshot. This class is the only place that knows the snapshot's shape; predicates and the
 * state comparison work on the model, so a change in the kernel's JSON changes only this file.
 */
public record MachineState(List<ProcessInfo> processes, List<CsrProcessInfo> csrProcesses,
                           Optional<StopInfo> stop, Optional<LastCall> lastCall) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static MachineState fromSnapshot(String snapshotJson) {
        JsonNode root;
        try {
            root = JSON.readTree(snapshotJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The machine snapshot is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new MachineState(processes(root), csrProcesses(root), stop(root), lastCall(root));
    }

    /** Processes with this image name (case-insensitive, as Windows compares them), in PID order. */
    public List<ProcessInfo> processesNamed(String image) {
        return processes.stream().filter(p -> p.image().equalsIgnoreCase(image)).toList();
    }

    /** The image name of a process's parent, or empty when the parent no longer exists. */
    public Optional<String> parentImage(ProcessInfo process) {
        return processes.stream().filter(p -> p.pid() == process.parentPid() && p != process)
                .map(ProcessInfo::image).findFirst();
    }

    public Optional<CsrProcessInfo> csrProcessOf(ProcessInfo process) {
        return csrProcesses.stream().filter(c -> c.pid() == process.pid()).findFirst();
    }

    private static List<ProcessInfo> processes(JsonNode root) {
        List<ProcessInfo> result = new ArrayList<>();
        for (JsonNode p : root.path("processes")) {
            long exitStatus = number(p, 0x103, "ExitStatus");
            boolean exited = p.path("Exited").asBoolean(exitStatus != 0x103);
            result.add(new ProcessInfo(
                    number(p, 0, "UniqueProcessId"),
                    number(p, 0, "InheritedFromUniqueProcessId"),
                    p.path("ImageFileName").asString(""),
                    exited,
                    exitStatus,
                    (int) number(p.path("Pcb"), number(p, 0, "BasePriority"), "BasePriority"),
                    p.path("PriorityClass").asString(""),
                    p.path("CommandLine").asString(""),
                    threads(p.path("Threads")),
                    handles(p.path("Handles")),
                    loadedModules(p)));
        }
        return List.copyOf(result);
    }

    private static List<ThreadInfo> threads(JsonNode threads) {
        List<ThreadInfo> result = new ArrayList<>();
        for (JsonNode t : threads) {
            result.add(new ThreadInfo(number(t, 0, "UniqueThread"), t.path("State").asString(""), number(t, 0, "SuspendCount")));
        }
        return List.copyOf(result);
    }

    private static List<HandleInfo> handles(JsonNode handles) {
        List<HandleInfo> result = new ArrayList<>();
        for (JsonNode h : handles) {
            result.add(new HandleInfo(number(h, 0, "Handle"), h.path("ObjectType").asString(""),
                    h.path("Target").asString(""), number(h, 0, "GrantedAccess")));
        }
        return List.copyOf(result);
    }

    private static Optional<List<String>> loadedModules(JsonNode process) {
        JsonNode peb = process.path("Peb");
        if (!peb.isObject()) {
            return Optional.empty();
        }
        List<String> modules = new ArrayList<>();
        for (JsonNode entry : peb.path("InLoadOrderModuleList")) {
            modules.add(entry.path("BaseDllName").asString(""));
        }
        return Optional.of(List.copyOf(modules));
    }

    private static List<CsrProcessInfo> csrProcesses(JsonNode root) {
        List<CsrProcessInfo> result = new ArrayList<>();
        for (JsonNode c : root.path("csr").path("processes")) {
            result.add(new CsrProcessInfo(number(c, 0, "ClientId"), c.path("ImageName").asString(""),
                    number(c, 0, "ShutdownLevel"), c.path("ThreadList").size()));
        }
        return List.copyOf(result);
    }

    private static Optional<StopInfo> stop(JsonNode root) {
        JsonNode stop = root.path("stop");
        if (!stop.isObject()) {
            return Optional.empty();
        }
        List<String> frames = new ArrayList<>();
        stop.path("frames").forEach(f -> frames.add(f.asString("")));
        return Optional.of(new StopInfo(stop.path("symbol").asString(""), List.copyOf(frames), (int) number(stop, 0, "stage")));
    }

    private static Optional<LastCall> lastCall(JsonNode root) {
        JsonNode call = root.path("lastCall");
        if (!call.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new LastCall(call.path("caller").asString(""), call.path("api").asString(""),
                call.path("completed").asBoolean(true), call.path("succeeded").asBoolean(false), number(call, 0, "LastError")));
    }

    /** A number written as JSON number or as a "0x..." string, as kernel dumps often do. */
    private static long number(JsonNode node, long fallback, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isString()) {
            String text = value.asString().strip().toLowerCase();
            try {
                return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
