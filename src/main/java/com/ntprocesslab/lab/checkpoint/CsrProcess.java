package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.CsrProcessInfo;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * csrss holds a CSR_PROCESS for the process with this image (or none, when {@code present} is
 * false), optionally with a shutdown level and a number of CSR_THREADs.
 */
public record CsrProcess(String image, boolean present, OptionalLong shutdownLevel, OptionalLong threads) implements Predicate {
    public Message describe() {
        if (!present) {
            return Message.of("csr_process.describe_absent", image);
        }
        Object level = shutdownLevel.isPresent() ? Message.of("csr_process.detail_level", Predicate.hex(shutdownLevel.getAsLong())) : "";
        Object count = threads.isPresent() ? Message.of("csr_process.detail_threads", String.valueOf(threads.getAsLong())) : "";
        return Message.of("csr_process.describe", image, level, count);
    }

    public List<Message> problems(MachineState state) {
        return Predicate.forSomeProcess(state, image, p -> {
            Optional<CsrProcessInfo> record = state.csrProcessOf(p);
            if (!present) {
                return record.isEmpty() ? List.of() : List.of(Message.of("csr_process.unexpected", image));
            }
            if (record.isEmpty()) {
                return List.of(Message.of("csr_process.missing", image));
            }
            List<Message> problems = new ArrayList<>();
            CsrProcessInfo csr = record.get();
            if (shutdownLevel.isPresent() && csr.shutdownLevel() != shutdownLevel.getAsLong()) {
                problems.add(Message.of("csr_process.shutdown_level", image, Predicate.hex(shutdownLevel.getAsLong()),
                        Predicate.hex(csr.shutdownLevel())));
            }
            if (threads.isPresent() && csr.threadCount() != threads.getAsLong()) {
                problems.add(Message.of("csr_process.threads", image, String.valueOf(threads.getAsLong()),
                        String.valueOf(csr.threadCount())));
            }
            return problems;
        });
    }
}
