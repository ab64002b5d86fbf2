package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.checkpoint.Projection;
import com.ntprocesslab.lab.state.CsrProcessInfo;
import com.ntprocesslab.lab.state.HandleInfo;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.state.ProcessInfo;
import com.ntprocesslab.lab.state.ThreadInfo;
import com.ntprocesslab.lab.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Projects a machine onto facts that are comparable between two machines: names, parents,
 * states, types and access masks, never addresses, PIDs, TIDs or handle values, which
 * legitimately differ from run to run.
 */
final class Facts {

    private Facts() {
    }

    static List<Fact> of(MachineState state, Set<Projection> projections) {
        List<Fact> facts = new ArrayList<>();
        for (Projection projection : projections) {
            switch (projection) {
                case PROCESS_TREE -> state.processes().forEach(p -> facts.add(process(state, p)));
                case THREADS -> state.processes().forEach(p -> p.threads().forEach(t -> facts.add(thread(p, t))));
                case HANDLES -> state.processes().forEach(p -> p.handles().forEach(h -> facts.add(handle(p, h))));
                case CSR -> state.csrProcesses().forEach(c -> facts.add(csr(state, c)));
                case STOP -> state.stop().ifPresent(stop -> facts.add(new Fact(projection, "",
                        List.of(stop.symbol(), String.valueOf(stop.stage()), lower(stop.image())),
                        Message.of("fact.stop", stop.symbol(), String.valueOf(stop.stage()), stop.image()))));
                case LAST_CALL -> state.lastCall().ifPresent(call -> facts.add(new Fact(projection, call.api(),
                        List.of(call.api(), String.valueOf(call.succeeded()), hex(call.lastError())),
                        call.succeeded() ? Message.of("fact.call_succeeded", call.api())
                                : Message.of("fact.call_failed", call.api(), hex(call.lastError())))));
            }
        }
        return facts;
    }

    static String status(ProcessInfo process) {
        return process.exited() ? "exited " + hex(process.exitStatus()) : "running";
    }

    /** Keyed by image, parent image (empty once the parent has exited) and status: never by PID. */
    private static Fact process(MachineState state, ProcessInfo p) {
        Optional<String> parent = state.parentImage(p);
        Message description = parent.map(image -> p.exited()
                        ? Message.of("fact.process_exited", p.image(), image, hex(p.exitStatus()))
                        : Message.of("fact.process_running", p.image(), image))
                .orElseGet(() -> p.exited() ? Message.of("fact.process_exited_orphan", p.image(), hex(p.exitStatus()))
                        : Message.of("fact.process_running_orphan", p.image()));
        return new Fact(Projection.PROCESS_TREE, lower(p.image()), List.of(lower(parent.orElse("")), status(p)), description);
    }

    private static Fact thread(ProcessInfo p, ThreadInfo t) {
        return new Fact(Projection.THREADS, lower(p.image()), List.of(t.state(), String.valueOf(t.suspendCount())),
                Message.of("fact.thread", p.image(), t.state(), String.valueOf(t.suspendCount())));
    }

    private static Fact handle(ProcessInfo p, HandleInfo h) {
        return new Fact(Projection.HANDLES, lower(p.image()), List.of(h.objectType(), lower(h.target()), hex(h.grantedAccess())),
                h.target().isEmpty() ? Message.of("fact.handle_untargeted", p.image(), h.objectType(), hex(h.grantedAccess()))
                        : Message.of("fact.handle", p.image(), h.objectType(), h.target(), hex(h.grantedAccess())));
    }

    private static Fact csr(MachineState state, CsrProcessInfo c) {
        String image = state.processes().stream().filter(p -> p.pid() == c.pid()).map(ProcessInfo::image).findFirst()
                .orElse(c.image());
        return new Fact(Projection.CSR, lower(image), List.of(hex(c.shutdownLevel()), String.valueOf(c.threadCount())),
                Message.of("fact.csr", image, hex(c.shutdownLevel()), String.valueOf(c.threadCount())));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
