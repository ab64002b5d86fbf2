package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.ps.AllocationKind;
import java.util.List;

/**
 * One command that acts on the machine itself, parsed and syntax-checked, not yet applied.
 * Debugger commands (breakpoints, execution, inspection) live in {@code kernel.kd}.
 */
public sealed interface Command {
    /** {@code .call <caller> <Api> [args...]}. */
    record Call(String caller, String api, List<String> args) implements Command {}
    /** {@code .reg add <key> <value> <data>}. */
    record RegAdd(String key, String value, String data) implements Command {}
    /** {@code .reg delete <key> [value]}. */
    record RegDelete(String key, String value) implements Command {}
    /** {@code .file add <path> <content>}. */
    record FileAdd(String path, String content) implements Command {}
    /** {@code .fail <allocation kind>}. */
    record Fail(AllocationKind kind) implements Command {}
    /** {@code .dump}. */
    record Dump() implements Command {}
    /** {@code .invariants}. */
    record Invariants() implements Command {}
}
