package com.ntprocesslab.lab.state;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the machine is stopped (a breakpoint hit or a step, in the middle of a call): the
 * thread's process image, its call stack innermost first as {@code k} prints it, and the
 * creation stage (1-7) the current step belongs to, or 0 outside process creation.
 */
public record StopInfo(String image, List<String> frames, int stage) {

    /** The function the machine stands in, without the offset: "nt!PspAllocateProcess". */
    public String symbol() {
        return frames.isEmpty() ? "" : function(frames.getFirst());
    }

    /** True when some frame of the stack is in this function (offsets ignored, case-insensitive). */
    public boolean inCallStack(String function) {
        return frames.stream().anyMatch(frame -> function(frame).equalsIgnoreCase(function));
    }

    /** Every function on the stack, lower case, without offsets: what a history of stops remembers. */
    public Set<String> functions() {
        return frames.stream().map(frame -> function(frame).toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static String function(String frame) {
        int offset = frame.indexOf("+0x");
        return offset < 0 ? frame : frame.substring(0, offset);
    }
}
