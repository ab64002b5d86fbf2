/**
 * The step engine and the machine commands ({@code .call}, {@code .reg}, {@code .file},
 * {@code .fail}, {@code .dump}, {@code .invariants}); the debugger in {@code kernel.kd} drives both.
 *
 * <p>An API call runs as a {@link com.ntprocesslab.kernel.exec.Routine}: an immutable list of
 * {@link com.ntprocesslab.kernel.exec.Step}s, each named like a WinDbg symbol and tagged with
 * its creation stage (modern profile: stages 1-7; classic profile: phases 1-6; 0 for glue).
 * Code both pipelines run with different numbers (csrss registration, resume, the loader)
 * exists once per numbering, and a routine's key includes the tags so both stay unique.
 * Each thread keeps its own list of
 * {@link com.ntprocesslab.kernel.exec.Frame}s (routine, step index, argument block), so:
 * <ul>
 * <li>single-step: {@code machine.engine().stepInto(thread)} runs exactly one step;</li>
 * <li>a breakpoint is an {@link com.ntprocesslab.kernel.exec.Engine.StopCheck} consulted
 * before each step: {@code runThread(thread, baseDepth, budget, check)} or
 * {@code runScheduler(budget, check)} return {@code BREAKPOINT} with the
 * {@link com.ntprocesslab.kernel.exec.Location} (match {@code location.symbol()}, e.g.
 * {@code "nt!MmCreateProcessAddressSpace"}; a routine's entry is the call step naming it);</li>
 * <li>{@code k} is {@code engine.stackTrace(thread)}: the current function, then each
 * frame as {@code module!Routine+0xoff}, offsets derived from step indexes;</li>
 * <li>{@code x}/{@code bp} resolve names with {@link com.ntprocesslab.kernel.exec.Symbols}
 * (deterministic addresses, wildcard {@code match});</li>
 * <li>a {@code .call} can be started without running a step with
 * {@code machine.commands().begin(".call ...")}; it stays in {@code Kernel.pendingCalls}
 * until its frames unwind, and {@code g} (runScheduler) finishes it first.</li>
 * </ul>
 * Every executed step increments {@code Kernel.position}; a
 * {@link com.ntprocesslab.kernel.exec.Engine.StepListener} sees each one (tests run the
 * invariant checker there). All state lives in {@link com.ntprocesslab.kernel.exec.Kernel};
 * step actions are stateless method references.
 */
package com.ntprocesslab.kernel.exec;
