package com.ntprocesslab.lab.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine as labs see it: a small read-only model read from the kernel's canonical JSON
 * snapshot. This class is the only place that knows the snapshot's shape; predicates and the
 * state comparison work on the model, so a change in the kernel's JSON changes only this file.
 */
public record MachineState(List<ProcessInfo> processes, List<CsrProcessInfo> csrProcesses,
                           Optional<StopInfo> stop, Optional<LastCall> lastCall, List<String> armedFailures, History history) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** STATUS_PENDING: the exit status of a process that has not exited (STILL_ACTIVE). */
    private static final long STILL_ACTIVE = 0x103;
    private static final Pattern THREAD_TARGET = Pattern.compile("thread 0x([0-9a-fA-F]+)");
    private static final Pattern LAST_ERROR = Pattern.compile("LastError: 0x([0-9a-fA-F]+)");
    /**
     * A number as {@code .call} reads it: 0x hex, 0n decimal, or bare digits in WinDbg's default
     * radix 16 ({@code TerminateProcess 10 0} names handle 0x10).
     */
    private static final Pattern NUMBER_ARGUMENT = Pattern.compile("(?:0[xX]([0-9a-fA-F]{1,8})|0[nN](\\d{1,9})|([0-9a-fA-F]{1,8}))");
    private static final Pattern FAILED_RETURN = Pattern.compile(" returned (FALSE|NULL|0xffffffff|0x[89a-f][0-9a-f]{7} \\(STATUS_)");

    public static MachineState fromSnapshot(String snapshotJson) {
        JsonNode root;
        try {
            root = JSON.readTree(snapshotJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The machine snapshot is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return of(root);
    }

    /**
     * The same model from the snapshot's tree (what the JSON is written from), without writing
     * and parsing the text: the grader reads a state after every command of a history.
     */
    public static MachineState fromSnapshotTree(Map<String, Object> tree) {
        return of(JSON.valueToTree(tree));
    }

    private static MachineState of(JsonNode root) {
        List<ProcessInfo> processes = processes(root);
        return new MachineState(processes, csrProcesses(root), stop(root), lastCall(root, processes), armedFailures(root), History.NONE);
    }

    /** The same state, seen at a point of a history (for the predicates over what happened before). */
    public MachineState withHistory(History past) {
        return new MachineState(processes, csrProcesses, stop, lastCall, armedFailures, past);
    }

    /** Processes with this image name (case-insensitive, as Windows compares them), in PID order. */
    public List<ProcessInfo> processesNamed(String image) {
        return processes.stream().filter(p -> p.image().equalsIgnoreCase(image)).toList();
    }

    /**
     * The image name of a process's parent, or empty when the parent no longer exists. The
     * process list is in creation order and PIDs are reused, so only a process created before
     * this one can be its parent: a later process with the old PID is not.
     */
    public Optional<String> parentImage(ProcessInfo process) {
        for (ProcessInfo candidate : processes) {
            if (candidate == process) {
                return Optional.empty();
            }
            if (candidate.pid() == process.parentPid()) {
                return Optional.of(candidate.image());
            }
        }
        return Optional.empty();
    }

    public Optional<CsrProcessInfo> csrProcessOf(ProcessInfo process) {
        return csrProcesses.stream().filter(c -> c.pid() == process.pid()).findFirst();
    }

    private static List<ProcessInfo> processes(JsonNode root) {
        JsonNode list = root.path("PsActiveProcessHead");
        Map<Long, String> threadOwners = new HashMap<>();
        for (JsonNode p : list) {
            for (JsonNode t : p.path("ThreadListHead")) {
                threadOwners.put(number(t.path("Cid"), 0, "UniqueThread"), p.path("ImageFileName").asString(""));
            }
        }
        List<ProcessInfo> result = new ArrayList<>();
        for (JsonNode p : list) {
            long exitStatus = number(p, STILL_ACTIVE, "ExitStatus");
            result.add(new ProcessInfo(
                    number(p, 0, "UniqueProcessId"),
                    number(p, 0, "InheritedFromUniqueProcessId"),
                    p.path("ImageFileName").asString(""),
                    exitStatus != STILL_ACTIVE,
                    exitStatus,
                    (int) number(p.path("Pcb"), 0, "BasePriority"),
                    p.path("PriorityClass").asString(""),
                    p.path("Peb").path("ProcessParameters").path("CommandLine").asString(""),
                    threads(p.path("ThreadListHead")),
                    handles(p.path("ObjectTable").path("Handles"), threadOwners),
                    loadedModules(p)));
        }
        return List.copyOf(result);
    }

    private static List<ThreadInfo> threads(JsonNode threads) {
        List<ThreadInfo> result = new ArrayList<>();
        for (JsonNode t : threads) {
            JsonNode tcb = t.path("Tcb");
            result.add(new ThreadInfo(number(t.path("Cid"), 0, "UniqueThread"), tcb.path("State").asString(""),
                    number(tcb, 0, "SuspendCount")));
        }
        return List.copyOf(result);
    }

    /**
     * Handle targets in the student's terms: a process by its image (the kernel's "notepad.exe
     * 0x4c8" carries the PID, which must not count), a thread by its process's image.
     */
    private static List<HandleInfo> handles(JsonNode handles, Map<Long, String> threadOwners) {
        List<HandleInfo> result = new ArrayList<>();
        for (JsonNode h : handles) {
            String type = h.path("Type").asString("");
            String target = h.path("Target").isString() ? h.path("Target").asString() : "";
            if (type.equals("Process")) {
                target = target.replaceFirst("\\s+0x[0-9a-fA-F]+$", "");
            } else if (type.equals("Thread")) {
                Matcher tid = THREAD_TARGET.matcher(target);
                target = tid.matches() ? threadOwners.getOrDefault(Long.parseLong(tid.group(1), 16), "") : target;
            }
            result.add(new HandleInfo(number(h, 0, "Handle"), type, target, number(h, 0, "GrantedAccess")));
        }
        return List.copyOf(result);
    }

    private static Optional<List<String>> loadedModules(JsonNode process) {
        JsonNode peb = process.path("Peb");
        if (!peb.isObject()) {
            return Optional.empty();
        }
        List<String> modules = new ArrayList<>();
        for (JsonNode entry : peb.path("Ldr").path("InLoadOrderModuleList")) {
            modules.add(entry.path("BaseDllName").asString(""));
        }
        return Optional.of(List.copyOf(modules));
    }

    private static List<CsrProcessInfo> csrProcesses(JsonNode root) {
        List<CsrProcessInfo> result = new ArrayList<>();
        for (JsonNode server : root.path("CsrServers")) {
            for (JsonNode c : server.path("ProcessList")) {
                result.add(new CsrProcessInfo(number(c, 0, "ClientId"), c.path("ImageName").asString(""),
                        number(c, 0, "ShutdownLevel"), c.path("ThreadList").size()));
            }
        }
        return List.copyOf(result);
    }

    /**
     * The kernel stops a run between two steps and leaves the stopped thread Running (when a
     * run ends normally every thread waits): that thread's frames are where the machine stands.
     */
    private static Optional<StopInfo> stop(JsonNode root) {
        for (JsonNode p : root.path("PsActiveProcessHead")) {
            for (JsonNode t : p.path("ThreadListHead")) {
                if ("Running".equals(t.path("Tcb").path("State").asString(""))) {
                    List<String> frames = new ArrayList<>();
                    t.path("Frames").forEach(f -> frames.add(f.asString("")));
                    return Optional.of(new StopInfo(p.path("ImageFileName").asString(""), List.copyOf(frames),
                            t.path("Stage").asInt(0)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The last .call. Success and GetLastError come from its printed result ("... returned
     * FALSE", "LastError: 0x57 (ERROR_INVALID_PARAMETER)"), which is what the student read.
     */
    private static Optional<LastCall> lastCall(JsonNode root, List<ProcessInfo> processes) {
        JsonNode call = root.path("LastCall");
        if (!call.isObject()) {
            return Optional.empty();
        }
        long callerPid = number(call, 0, "Caller");
        Optional<ProcessInfo> callerProcess = processes.stream().filter(p -> p.pid() == callerPid).findFirst();
        String caller = callerProcess.map(ProcessInfo::image).orElse("");
        String api = call.path("Api").asString("");
        String target = callerProcess.map(p -> callTarget(api, p, processes, call.path("Arguments").asString(""))).orElse("");
        String result = call.path("Result").asString("");
        Matcher error = LAST_ERROR.matcher(result);
        long lastError = error.find() ? Long.parseLong(error.group(1), 16) : 0;
        boolean failed = FAILED_RETURN.matcher(result).find();
        return Optional.of(new LastCall(caller, call.path("Api").asString(""), target, call.path("Completed").asBoolean(true),
                !failed && result.contains(" returned "), lastError));
    }

    /**
     * The process a call names: for OpenProcess and OpenThread the process whose PID (or whose
     * thread's TID) the last argument gives; otherwise the process or thread that the first
     * argument names as a handle of the caller (TerminateProcess 0x8 ...).
     */
    private static String callTarget(String api, ProcessInfo caller, List<ProcessInfo> processes, String arguments) {
        String[] words = arguments.strip().split("\\s+");
        if (api.equalsIgnoreCase("OpenProcess") || api.equalsIgnoreCase("OpenThread")) {
            Long id = numberArgument(words[words.length - 1]);
            boolean byThread = api.equalsIgnoreCase("OpenThread");
            return id == null ? "" : processes.stream()
                    .filter(p -> byThread ? p.threads().stream().anyMatch(t -> t.tid() == id) : p.pid() == id && !p.exited())
                    .map(ProcessInfo::image).findFirst().orElse("");
        }
        Long value = numberArgument(words[0]);
        if (value == null) {
            return "";
        }
        return caller.handles().stream()
                .filter(h -> h.value() == value && (h.objectType().equals("Process") || h.objectType().equals("Thread")))
                .map(HandleInfo::target).findFirst().orElse("");
    }

    private static Long numberArgument(String word) {
        Matcher m = NUMBER_ARGUMENT.matcher(word);
        if (!m.matches()) {
            return null;
        }
        return m.group(2) != null ? Long.parseLong(m.group(2)) : Long.parseLong(m.group(1) != null ? m.group(1) : m.group(3), 16);
    }

    /** The allocations armed with {@code .fail} that have not fired yet. */
    private static List<String> armedFailures(JsonNode root) {
        List<String> armed = new ArrayList<>();
        root.path("ArmedFailures").forEach(kind -> armed.add(kind.asString("")));
        return List.copyOf(armed);
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
