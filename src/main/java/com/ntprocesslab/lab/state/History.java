package com.ntprocesslab.lab.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What happened on the machine up to a point of its history, as far as a state alone cannot
 * tell: the {@code .call}s that completed (by caller image, API, the process their handle
 * argument named, and outcome), the functions the machine was stopped in (every frame of every
 * stop), and the injected failures ({@code .fail}) that fired. Immutable; {@link #after} gives
 * the history one point later.
 */
public record History(Set<CallRecord> calls, Set<String> stoppedIn, List<String> armed, Set<String> fired) {

    /** A completed call: who called which API on which process (image, "" when none), and whether it succeeded. */
    public record CallRecord(String caller, String api, String target, boolean succeeded) {
    }

    public static final History NONE = new History(Set.of(), Set.of(), List.of(), Set.of());

    /** This history extended by what the machine shows at the next point (a completed call, a stop, a failure that fired). */
    public History after(MachineState state) {
        Set<CallRecord> moreCalls = calls;
        if (state.lastCall().isPresent() && state.lastCall().get().completed()) {
            LastCall call = state.lastCall().get();
            CallRecord record = new CallRecord(call.caller().toLowerCase(Locale.ROOT), call.api().toLowerCase(Locale.ROOT),
                    call.target().toLowerCase(Locale.ROOT), call.succeeded());
            if (!calls.contains(record)) {
                moreCalls = new LinkedHashSet<>(calls);
                moreCalls.add(record);
            }
        }
        Set<String> moreStops = stoppedIn;
        if (state.stop().isPresent()) {
            Set<String> functions = state.stop().get().functions();
            if (!stoppedIn.containsAll(functions)) {
                moreStops = new LinkedHashSet<>(stoppedIn);
                moreStops.addAll(functions);
            }
        }
        Set<String> moreFired = firedSince(state);
        if (moreCalls == calls && moreStops == stoppedIn && moreFired == fired && armed.equals(state.armedFailures())) {
            return this;
        }
        return new History(Set.copyOf(moreCalls), Set.copyOf(moreStops), state.armedFailures(), Set.copyOf(moreFired));
    }

    /**
     * An armed failure fires once, inside the call that reaches its allocation: it is gone from
     * the armed list and that call failed. (An arming undone by travelling back before the
     * {@code .fail} leaves no failed call behind, so it does not count.)
     */
    private Set<String> firedSince(MachineState state) {
        boolean failedCall = state.lastCall().map(call -> call.completed() && !call.succeeded()).orElse(false);
        if (!failedCall) {
            return fired;
        }
        Set<String> more = fired;
        for (String kind : armed) {
            if (!state.armedFailures().contains(kind) && !fired.contains(kind)) {
                more = more == fired ? new LinkedHashSet<>(fired) : more;
                more.add(kind);
            }
        }
        return more;
    }

    public boolean wasStoppedIn(String function) {
        return stoppedIn.contains(function.toLowerCase(Locale.ROOT));
    }

    public boolean failureFired(String kind) {
        return fired.contains(kind.toLowerCase(Locale.ROOT));
    }
}
