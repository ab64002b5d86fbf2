/**
 * The machine above the components: the state root ({@link com.ntprocesslab.kernel.machine.Kernel},
 * which extends the executive's and the subsystem's views), the symbol table assembled from the
 * routines each component publishes ({@link com.ntprocesslab.kernel.machine.Symbols}, with
 * deterministic addresses and wildcard {@code match}), boot
 * ({@link com.ntprocesslab.kernel.machine.SystemInitialization}) and the dispatcher loop
 * ({@link com.ntprocesslab.kernel.machine.Dispatcher}: {@code runScheduler}, and the console's
 * .calls in {@code Kernel.pendingCalls} that finish). The console commands ({@code .call},
 * {@code .reg}, {@code .file}, {@code .fail}, {@code .dump}, {@code .invariants}) sit above it,
 * in {@code kernel.kd}, beside the debugger that drives them.
 */
package com.ntprocesslab.kernel.machine;
