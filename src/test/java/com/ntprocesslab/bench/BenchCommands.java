package com.ntprocesslab.bench;

import java.util.List;

/** The command mix benchmarks drive machines with: accepted, state-changing and inspecting. */
final class BenchCommands {

    private static final List<String> MIX = List.of("!process 0 0");

    private BenchCommands() {
    }

    static String command(long i) {
        return MIX.get((int) (i % MIX.size()));
    }
}
