package com.ntprocesslab.kernel.ke;

/** A queued KAPC: the routine it will run (a symbol) and whether it targets user mode. */
public record Apc(String routine, boolean userMode) {
}
