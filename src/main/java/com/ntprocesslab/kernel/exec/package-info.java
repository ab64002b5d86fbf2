/**
 * The step engine, and nothing else: the mechanism every component's routines run on. It
 * knows no component: the machine's state root and its thread type are type parameters.
 *
 * <p>An API call runs as a {@link com.ntprocesslab.kernel.exec.Routine}: an immutable list of
 * {@link com.ntprocesslab.kernel.exec.Step}s, each named like a WinDbg symbol and tagged with
 * its creation stage (modern profile: stages 1-7; classic profile: phases 1-6; 0 for glue).
 * Code both pipelines run with different numbers (csrss registration, resume, the loader)
 * exists once per numbering, and a routine's key includes the tags so both stay unique.
 * A step's {@link com.ntprocesslab.kernel.exec.StepAction} sees the state as the view its
 * component was written against (the executive's {@code ps.Executive}, the subsystem's
 * {@code csr.Subsystems}); the state root ({@code machine.Kernel}) extends every view, so the
 * engine hands it whole. Each {@link com.ntprocesslab.kernel.exec.ExecutionThread} keeps its own
 * list of {@link com.ntprocesslab.kernel.exec.Frame}s (routine, step index, argument block), so:
 * <ul>
 * <li>single-step: {@code engine.stepInto(thread)} runs exactly one step;</li>
 * <li>a breakpoint is an {@link com.ntprocesslab.kernel.exec.Engine.StopCheck} consulted
 * before each step ({@code runThread}; the machine's dispatcher adds {@code runScheduler}),
 * which returns {@code BREAKPOINT} with the {@link com.ntprocesslab.kernel.exec.Location};</li>
 * <li>{@code k} is {@code engine.stackTrace(thread)}: the current function, then each
 * frame as {@code module!Routine+0xoff}, offsets derived from step indexes.</li>
 * </ul>
 * Every executed step advances the machine's position; a
 * {@link com.ntprocesslab.kernel.exec.Engine.StepListener} sees each one (tests run the
 * invariant checker there). Step actions are stateless lambdas or method references.
 */
package com.ntprocesslab.kernel.exec;
