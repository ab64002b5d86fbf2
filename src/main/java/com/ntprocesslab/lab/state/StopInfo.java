package com.ntprocesslab.lab.state;

import java.util.List;

/** Where the machine is stopped (a breakpoint or a step), with the call stack, innermost frame first. */
public record StopInfo(String symbol, List<String> frames, int stage) {
}
