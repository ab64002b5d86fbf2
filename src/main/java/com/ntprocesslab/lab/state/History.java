package com.ntprocesslab.lab.state;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What happened on the machine up to a point of its history, as far as a state alone cannot
 * tell: the {@code .call}s that completed (by caller image, API and outcome) and the functions
 * the machine was stopped in (every frame of every stop). Immutable; {@link #after} gives the
 * history one point later.
 */
public record History(Set<CallRecord> calls, Set<String> stoppedIn) {

    /** A completed call: who called which API, and whether it succeeded. */
    public record CallRecord(String caller, String api, boolean succeeded) {
    }

    public static final History NONE = new History(Set.of(), Set.of());

    /** This history extended by what the machine shows at the next point (a completed call, a stop). */
    public History after(MachineState state) {
        Set<CallRecord> moreCalls = calls;
        if (state.lastCall().isPresent() && state.lastCall().get().completed()) {
            LastCall call = state.lastCall().get();
            CallRecord record = new CallRecord(call.caller().toLowerCase(Locale.ROOT), call.api().toLowerCase(Locale.ROOT), call.succeeded());
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
        return moreCalls == calls && moreStops == stoppedIn ? this : new History(Set.copyOf(moreCalls), Set.copyOf(moreStops));
    }

    public boolean wasStoppedIn(String function) {
        return stoppedIn.contains(function.toLowerCase(Locale.ROOT));
    }
}
