/**
 * The kernel debugger: WinDbg's command language over the live machine.
 *
 * <p>{@link com.ntprocesslab.kernel.kd.Debugger} is what {@code Machine.execute} calls. It
 * parses a line with {@link com.ntprocesslab.kernel.kd.KdParser} (debugger verbs) or the
 * machine's {@code exec.CommandParser} ({@code .call}, {@code .reg} ...), decides, then
 * applies. Run commands ({@code g}, {@code t}, {@code p}, {@code gu}, {@code .call}) are one
 * engine run each with a {@link com.ntprocesslab.kernel.kd.Halt} as the stop check; the
 * views ({@code StackView}, {@code ProcessView}, {@code TypeView} ...) only read.
 *
 * <p>Time travel ({@link com.ntprocesslab.kernel.kd.TimeTravel}) rebuilds an earlier
 * position by booting afresh and replaying the {@link com.ntprocesslab.kernel.kd.TimeLine},
 * each run command stopped at its recorded end position instead of at breakpoints. All
 * debugger state is plain data reachable from the machine, so a copied or replayed machine
 * behaves the same.
 */
package com.ntprocesslab.kernel.kd;
