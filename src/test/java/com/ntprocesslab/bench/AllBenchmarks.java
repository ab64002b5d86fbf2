package com.ntprocesslab.bench;

/** Runs every benchmark of the project in one JVM (mvn -Pbench verify, or run this main). */
public final class AllBenchmarks {
    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        KernelBenchmark.main(args);
    }
}
