package com.ntprocesslab.kernel.exec;

import com.ntprocesslab.kernel.nt.NtStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A function of the emulated machine: an ordered list of steps interpreted by the engine.
 * Routines are immutable and shared by every machine.
 */
public final class Routine {
    /**
     * Every routine ever built, by {@link #key()}: code, not machine state, so a copy of a
     * machine can name the routines on its stacks and find them again. A key two different
     * routines share is remembered as ambiguous and never resolved.
     */
    private static final Map<String, Routine> BY_KEY = new ConcurrentHashMap<>();
    private static final Routine AMBIGUOUS = new Routine("ambiguous!key", List.of(new Step(null, 0, (k, t, f) -> null)), Map.of(), false);

    private final String symbol;
    private final List<Step> steps;
    /** The same steps as an array: the engine fetches one per step, and List.copyOf's classes differ by size. */
    private final Step[] code;
    private final int[] returnOffsets;
    private final Map<String, Integer> labels;
    /** Return addresses that are symbols of their own (a code label inside the routine), by step. */
    private final Map<Integer, String> returnSymbols;
    private final String key;
    /** Code of a module loaded into system space other than nt (a driver): kernel mode too. */
    private final boolean kernelModule;
    /** See {@link Builder#schedulingNeutral()}. */
    private final boolean schedulingNeutral;

    private Routine(String symbol, List<Step> steps, Map<String, Integer> labels, boolean kernelModule) {
        this(symbol, steps, labels, kernelModule, false, Map.of(), Map.of());
    }

    private Routine(String symbol, List<Step> steps, Map<String, Integer> labels, boolean kernelModule, boolean schedulingNeutral,
            Map<Integer, Integer> pinned, Map<Integer, String> returnSymbols) {
        this.symbol = symbol;
        this.schedulingNeutral = schedulingNeutral;
        this.returnSymbols = Map.copyOf(returnSymbols);
        this.kernelModule = kernelModule;
        this.steps = List.copyOf(steps);
        this.code = steps.toArray(Step[]::new);
        this.labels = Map.copyOf(labels);
        this.key = keyOf(symbol, steps);
        this.returnOffsets = new int[steps.size()];
        int offset = 0x10 + Math.floorMod(symbol.hashCode(), 0x30);
        for (int i = 0; i < steps.size(); i++) {
            String key = symbol + "#" + i + steps.get(i).symbol();
            Integer at = pinned.get(i);
            if (at != null && i > 0 && at <= returnOffsets[i - 1]) {
                throw new IllegalStateException(symbol + ": return offset 0x" + Integer.toHexString(at) + " of step " + i
                        + " is not past the previous step's 0x" + Integer.toHexString(returnOffsets[i - 1]));
            }
            offset = at != null ? at : offset + 0x14 + Math.floorMod(key.hashCode(), 0x1c0);
            returnOffsets[i] = offset;
        }
    }

    public String symbol() { return symbol; }

    /**
     * The routine's name plus the functions its steps enter and their stages: unique even where
     * symbols repeat (system-call dispatch) and where both pipelines share a routine under
     * different stage numbers (a classic phase is not a modern stage).
     */
    public String key() { return key; }

    /**
     * The routine with this key among those built so far, or null when none was or the key is
     * ambiguous. The symbol table, which has every component publish its routines, asks this.
     */
    public static Routine built(String key) {
        Routine routine = BY_KEY.get(key);
        return routine == AMBIGUOUS ? null : routine;
    }

    private static String keyOf(String symbol, List<Step> steps) {
        StringBuilder key = new StringBuilder(symbol);
        for (Step step : steps) {
            key.append(' ').append(step.symbol() == null ? "." : step.symbol()).append('@').append(step.stage());
        }
        return key.toString();
    }
    public String module() { return symbol.substring(0, symbol.indexOf('!')); }
    public List<Step> steps() { return steps; }
    public Step step(int pc) { return code[pc]; }

    public int label(String label) {
        Integer index = labels.get(label);
        if (index == null) {
            throw new IllegalStateException(symbol + " has no label " + label);
        }
        return index;
    }

    /** The return address of step {@code pc}, as an offset into the routine (k's +0x..). */
    public int returnOffset(int pc) { return returnOffsets[pc]; }

    /**
     * The return address of step {@code pc} as k and u name it: {@code routine+0xoff}, or the
     * code label that stands there (ntdll!KiFastSystemCallRet, the instruction after
     * KiFastSystemCall's sysenter, is a symbol of its own).
     */
    public String returnSite(int pc) {
        String label = returnSymbols.get(pc);
        return label != null ? label : symbol + "+0x" + Integer.toHexString(returnOffsets[pc]);
    }

    /** The code labels inside this routine, each with its offset from the routine's entry (the symbol table lays them out). */
    public Map<String, Integer> codeLabels() {
        Map<String, Integer> result = new TreeMap<>();
        returnSymbols.forEach((pc, label) -> result.put(label, returnOffsets[pc]));
        return result;
    }

    /** Code size used to lay symbols out; a little past the last step. */
    public int size() { return returnOffsets.length == 0 ? 0x20 : returnOffsets[returnOffsets.length - 1] + 0x20; }

    public boolean kernelMode() { return kernelModule || symbol.startsWith("nt!"); }

    /** Whether the scheduler ignores this routine's steps: they use no quantum and are no switch point. */
    public boolean schedulingNeutral() { return schedulingNeutral; }

    @Override public String toString() { return symbol; }

    /**
     * Starts a routine whose steps see the state as {@code S} and the thread as {@code T};
     * components call it through the typed shorthand of the state view their routines are written against.
     */
    public static <S, T> Builder<S, T> named(String symbol) { return new Builder<>(symbol); }

    /** Builds a routine top to bottom; {@code stage} applies to the steps that follow it. */
    public static final class Builder<S, T> {
        private final String symbol;
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, Integer> labels = new TreeMap<>();
        private final Map<Integer, Integer> pinned = new TreeMap<>();
        private final Map<Integer, String> returnSymbols = new TreeMap<>();
        private int stage;
        private boolean kernelModule;
        private boolean schedulingNeutral;

        private Builder(String symbol) { this.symbol = symbol; }

        /** The routine belongs to a kernel-mode module other than nt (a driver). */
        public Builder<S, T> kernelModule() { this.kernelModule = true; return this; }

        /**
         * Glue the scheduler does not see: its steps use no quantum and it is no switch point. The
         * quantum counts steps, so a profile's extra glue on a common path (XP's KiFastSystemCall,
         * two steps per system call) would otherwise move every thread's switch points.
         */
        public Builder<S, T> schedulingNeutral() { this.schedulingNeutral = true; return this; }

        public Builder<S, T> stage(int stage) { this.stage = stage; return this; }
        /** Code inside this routine. */
        public Builder<S, T> inline(StepAction<S, T> action) { steps.add(new Step(null, stage, action)); return this; }
        /** A function entered and left in one step (a leaf), or a call step naming its callee. */
        public Builder<S, T> step(String symbol, StepAction<S, T> action) { steps.add(new Step(symbol, stage, action)); return this; }
        /** A call step whose callee is fixed. */
        public Builder<S, T> call(Routine callee, StepAction<S, T> argsAndCall) { steps.add(new Step(callee.symbol(), stage, argsAndCall)); return this; }
        /** A call step that hands the callee this routine's own argument block (a service passing its parameters on). */
        public Builder<S, T> call(Routine callee) { return call(callee, (k, t, f) -> StepResult.call(callee, f.args)); }
        /** Inline code after a call: goes on when the callee succeeded, else continues at {@code label} (the cleanup path). */
        public Builder<S, T> orGoto(String label) {
            return inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? StepResult.next() : StepResult.jump(label));
        }
        /** Inline code after a call: this routine returns whatever status the callee returned. */
        public Builder<S, T> returnCalleeStatus() { return inline((k, t, f) -> StepResult.ret(f.calleeStatus)); }
        /** Calls {@code callee} with this routine's arguments and returns its status; the return is glue (stage 0). */
        public Builder<S, T> tailCall(Routine callee) { return call(callee).stage(0).returnCalleeStatus(); }
        /** Calls {@code callee} as {@code argsAndCall} says and returns its status; the return is glue (stage 0). */
        public Builder<S, T> tailCall(Routine callee, StepAction<S, T> argsAndCall) { return call(callee, argsAndCall).stage(0).returnCalleeStatus(); }
        /**
         * The return address of the step added last is at {@code offset} into the routine: where a
         * public stack (a seed's {@code k}) shows this call site, the machine's {@code k} shows the same.
         * The steps after it follow on from there.
         */
        public Builder<S, T> returnAt(int offset) { pinned.put(steps.size() - 1, offset); return this; }

        /**
         * As {@link #returnAt(int)}, and the return address is the code label {@code label} of
         * this routine's module: a symbol of its own that k, ln and x show there.
         */
        public Builder<S, T> returnAt(int offset, String label) {
            if (!label.startsWith(symbol.substring(0, symbol.indexOf('!') + 1))) {
                throw new IllegalArgumentException(label + " is not a label of " + symbol + "'s module");
            }
            returnSymbols.put(steps.size() - 1, label);
            return returnAt(offset);
        }

        /** Appends a part several routines share: its steps, stages and labels stand as if written here. */
        public Builder<S, T> with(UnaryOperator<Builder<S, T>> part) { return part.apply(this); }
        /** How many steps were added so far (the index the next one gets). */
        public int size() { return steps.size(); }
        /** Names the next step so that branches can jump to it. */
        public Builder<S, T> label(String label) { labels.put(label, steps.size()); return this; }
        public Routine build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException(symbol + " has no steps");
            }
            Routine routine = new Routine(symbol, steps, labels, kernelModule, schedulingNeutral, pinned, returnSymbols);
            BY_KEY.merge(routine.key(), routine, (first, second) -> AMBIGUOUS);
            return routine;
        }
    }
}
