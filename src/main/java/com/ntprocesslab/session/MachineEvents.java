package com.ntprocesslab.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells every open page of a machine about each accepted command, so two tabs of one student
 * stay in step, and about its reset, so no page keeps working on a retired machine. Plain
 * listeners: the UI decides how to push them to the browser.
 */
@Component
class MachineEvents {

    /** What an open page hears: each accepted command, and the machine's retirement. */
    interface Listener {
        void changed(MachineChanged change);

        void retired(MachineRetired retired);
    }

    private final Map<Long, List<Listener>> listeners = new ConcurrentHashMap<>();

    Runnable subscribe(long machineId, Listener listener) {
        listeners.computeIfAbsent(machineId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(machineId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    void publish(MachineChanged change) {
        listeners.getOrDefault(change.machineId(), List.of()).forEach(listener -> listener.changed(change));
    }

    void publish(MachineRetired retired) {
        listeners.getOrDefault(retired.machineId(), List.of()).forEach(listener -> listener.retired(retired));
    }

    static Listener onChange(Consumer<MachineChanged> changes, Consumer<MachineRetired> retirements) {
        return new Listener() {
            @Override
            public void changed(MachineChanged change) {
                changes.accept(change);
            }

            @Override
            public void retired(MachineRetired retired) {
                retirements.accept(retired);
            }
        };
    }
}
