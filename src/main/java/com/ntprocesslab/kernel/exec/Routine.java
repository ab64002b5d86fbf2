package com.ntprocesslab.kernel.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function of the emulated machine: an ordered list of steps interpreted by the engine.
 * Routines are immutable and shared by every machine.
 */
public final class Routine {
    private final String symbol;
    private final List<Step> steps;
    private final int[] returnOffsets;
    private final Map<String, Integer> labels;

    private Routine(String symbol, List<Step> steps, Map<String, Integer> labels) {
        this.symbol = symbol;
        this.steps = List.copyOf(steps);
        this.labels = Map.copyOf(labels);
        this.returnOffsets = new int[steps.size()];
        int offset = 0x10 + Math.floorMod(symbol.hashCode(), 0x30);
        for (int i = 0; i < steps.size(); i++) {
            String key = symbol + "#" + i + steps.get(i).symbol();
            offset += 0x14 + Math.floorMod(key.hashCode(), 0x1c0);
            returnOffsets[i] = offset;
        }
    }

    public String symbol() { return symbol; }
    public String module() { return symbol.substring(0, symbol.indexOf('!')); }
    public List<Step> steps() { return steps; }
    public Step step(int pc) { return steps.get(pc); }

    public int label(String label) {
        Integer index = labels.get(label);
        if (index == null) {
            throw new IllegalStateException(symbol + " has no label " + label);
        }
        return index;
    }

    /** The return address of step {@code pc}, as an offset into the routine (k's +0x..). */
    public int returnOffset(int pc) { return returnOffsets[pc]; }

    /** Code size used to lay symbols out; a little past the last step. */
    public int size() { return returnOffsets.length == 0 ? 0x20 : returnOffsets[returnOffsets.length - 1] + 0x20; }

    public boolean kernelMode() { return symbol.startsWith("nt!"); }

    @Override public String toString() { return symbol; }

    public static Builder named(String symbol) { return new Builder(symbol); }

    /** Builds a routine top to bottom; {@code stage} applies to the steps that follow it. */
    public static final class Builder {
        private final String symbol;
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, Integer> labels = new TreeMap<>();
        private int stage;

        private Builder(String symbol) { this.symbol = symbol; }

        public Builder stage(int stage) { this.stage = stage; return this; }
        /** Code inside this routine. */
        public Builder inline(StepAction action) { steps.add(new Step(null, stage, action)); return this; }
        /** A function entered and left in one step (a leaf), or a call step naming its callee. */
        public Builder step(String symbol, StepAction action) { steps.add(new Step(symbol, stage, action)); return this; }
        /** A call step whose callee is fixed. */
        public Builder call(Routine callee, StepAction argsAndCall) { steps.add(new Step(callee.symbol(), stage, argsAndCall)); return this; }
        /** How many steps were added so far (the index the next one gets). */
        public int size() { return steps.size(); }
        /** Names the next step so that branches can jump to it. */
        public Builder label(String label) { labels.put(label, steps.size()); return this; }
        public Routine build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException(symbol + " has no steps");
            }
            return new Routine(symbol, steps, labels);
        }
    }
}
