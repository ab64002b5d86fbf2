package com.ntprocesslab.lab.state;

import java.util.List;
import java.util.Optional;

/**
 * A process object as a lab sees it. {@code exited} is true for a process whose threads are
 * all gone but whose object lives on because a handle to it is still open.
 * {@code loadedModules} is empty when the process has no PEB (System) and an empty list when
 * the loader has not run yet.
 */
public record ProcessInfo(long pid, long parentPid, String image, boolean exited, long exitStatus,
                          int basePriority, String priorityClass, String commandLine,
                          List<ThreadInfo> threads, List<HandleInfo> handles, Optional<List<String>> loadedModules) {

    public List<ThreadInfo> liveThreads() {
        return threads.stream().filter(t -> !t.terminated()).toList();
    }
}
