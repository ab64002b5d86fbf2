package com.ntprocesslab.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells every open page of a machine about each accepted command, so two tabs of one student
 * stay in step. Plain listeners: the UI decides how to push them to the browser.
 */
@Component
class MachineEvents {

    private final Map<Long, List<Consumer<MachineChanged>>> listeners = new ConcurrentHashMap<>();

    Runnable subscribe(long machineId, Consumer<MachineChanged> listener) {
        listeners.computeIfAbsent(machineId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(machineId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    void publish(MachineChanged change) {
        listeners.getOrDefault(change.machineId(), List.of()).forEach(listener -> listener.accept(change));
    }
}
