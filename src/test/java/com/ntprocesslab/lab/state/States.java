package com.ntprocesslab.lab.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds machine states for predicate and comparison tests, independent of the snapshot's JSON shape. */
public final class States {

    private final List<ProcessInfo> processes = new ArrayList<>();
    private final List<CsrProcessInfo> csr = new ArrayList<>();
    private StopInfo stop;
    private LastCall lastCall;

    public static States booted() {
        States states = new States();
        states.process(4, 0, "System", List.of(new ThreadInfo(8, "Waiting", 0)), List.of(), Optional.empty());
        states.process(100, 4, "smss.exe", List.of(new ThreadInfo(104, "Waiting", 0)), List.of(), Optional.of(List.of("smss.exe", "ntdll.dll")));
        states.process(200, 100, "csrss.exe", List.of(new ThreadInfo(204, "Waiting", 0)), List.of(), Optional.of(List.of("csrss.exe", "ntdll.dll")));
        states.process(300, 200, "explorer.exe", List.of(new ThreadInfo(304, "Waiting", 0)),
                List.of(new HandleInfo(4, "File", "\\Windows", 0x100020)), Optional.of(List.of("explorer.exe", "ntdll.dll", "kernel32.dll")));
        states.csr(200, "csrss.exe", 1);
        states.csr(300, "explorer.exe", 1);
        return states;
    }

    public States process(long pid, long parent, String image, List<ThreadInfo> threads, List<HandleInfo> handles,
                          Optional<List<String>> modules) {
        processes.add(new ProcessInfo(pid, parent, image, false, 0x103, 8, "NORMAL", image, threads, handles, modules));
        return this;
    }

    public States exited(long pid, long parent, String image, long status) {
        processes.add(new ProcessInfo(pid, parent, image, true, status, 8, "NORMAL", image, List.of(), List.of(), Optional.of(List.of())));
        return this;
    }

    public States csr(long pid, String image, int threads) {
        csr.add(new CsrProcessInfo(pid, image, 0x280, threads));
        return this;
    }

    public States handle(long ownerPid, HandleInfo handle) {
        for (int i = 0; i < processes.size(); i++) {
            ProcessInfo p = processes.get(i);
            if (p.pid() == ownerPid) {
                List<HandleInfo> handles = new ArrayList<>(p.handles());
                handles.add(handle);
                processes.set(i, new ProcessInfo(p.pid(), p.parentPid(), p.image(), p.exited(), p.exitStatus(), p.basePriority(),
                        p.priorityClass(), p.commandLine(), p.threads(), handles, p.loadedModules()));
            }
        }
        return this;
    }

    public States stoppedAt(String symbol) {
        stop = new StopInfo("explorer.exe", List.of(symbol, "nt!NtCreateUserProcess+0x4d1"), 3);
        return this;
    }

    public States lastCall(String api, boolean succeeded, long error) {
        lastCall = new LastCall("explorer.exe", api, "", true, succeeded, error);
        return this;
    }

    public MachineState build() {
        return new MachineState(List.copyOf(processes), List.copyOf(csr), Optional.ofNullable(stop), Optional.ofNullable(lastCall),
                List.of(), History.NONE);
    }
}
