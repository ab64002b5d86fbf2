/**
 * NT Process Lab's emulated Windows NT machine: plain Java, deterministic, no framework and
 * no I/O. The layers above use only {@link com.ntprocesslab.kernel.Machine}:
 * {@code boot(Profile)}, {@code execute(String)}, {@code snapshotJson()},
 * {@code checkInvariants()}, {@code position()}.
 *
 * <p>Sub-packages follow ReactOS {@code ntoskrnl/}: {@code ob} (objects, handles),
 * {@code ps} (processes, threads, creation, termination, boot), {@code mm} (PFN database,
 * address spaces, VADs, sections, PEB/TEB), {@code ke} (KPROCESS/KTHREAD, scheduler, APCs,
 * lists), {@code se} (tokens, access checks), {@code io} (volume, PE descriptors),
 * {@code cm} (registry), {@code csr} (csrss records), {@code win32} (kernelbase, ntdll,
 * guest programs), {@code exec} (step engine, machine commands), {@code kd} (the debugger:
 * breakpoints, stepping, time travel, WinDbg views), {@code inspect} (snapshot, invariants).
 *
 * <p>Determinism: the only clock is the step count ({@code Position}); every allocator hands
 * out the lowest free address, PID, handle or frame, so a failed creation rolled back leaves
 * the machine exactly as it was. What legitimately differs after such a rollback is the
 * position and interrupt time, the last-call record, and the caller's TEB
 * {@code LastErrorValue}/{@code LastStatusValue}; everything else is byte-identical.
 */
package com.ntprocesslab.kernel;
