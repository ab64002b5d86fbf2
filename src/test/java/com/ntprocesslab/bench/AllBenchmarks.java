package com.ntprocesslab.bench;

/** Runs every benchmark in one JVM so their figures can be read side by side: {@code mvn -Pdev,bench verify -DskipTests}. */
public final class AllBenchmarks {

    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        KernelBenchmark.main(args);
        DebuggerBenchmark.main(args);
        SessionBenchmark.main(args);
        GradingBenchmark.main(args);
        FairnessBenchmark.main(args);
        ApiLoadBenchmark.main(args);
        TimeMachineBenchmark.main(args);
        BrowserBenchmark.main(args);
    }
}
