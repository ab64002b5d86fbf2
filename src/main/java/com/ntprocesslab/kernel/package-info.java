/**
 * NT Process Lab's emulated Windows NT machine: plain Java, deterministic, no framework and
 * no I/O. The layers above use only {@link com.ntprocesslab.kernel.Machine}:
 * {@code boot(Profile)}, {@code execute(String)}, {@code snapshotJson()},
 * {@code checkInvariants()}, {@code position()}.
 *
 * <p>Sub-packages follow ReactOS {@code ntoskrnl/}, bottom layer first; a package uses only the
 * ones before it, except the pairs NT itself has (KernelLayersTest lists them with their
 * reason: ob/ps, se/ob, ob/mm, mm/ps, mm/io, io/ps):
 * {@code nt} (header facts: NTSTATUS and Win32 error codes, access masks; with {@code Profile}),
 * {@code exec} (the step engine only: Routine, Step, StepResult, Frame, Engine, generic in the
 * state and thread it runs on), {@code ke} (KTHREAD, dispatcher headers, a scheduler that sees
 * only KTHREADs, APCs, lists), {@code ob} (objects, handles), {@code se} (tokens, access
 * checks), {@code mm} (PFN database, address spaces, VADs, sections, PEB/TEB), {@code io}
 * (volume, PE descriptors, image file services), {@code cm} (registry), {@code ps} (the
 * executive's globals {@code Executive}, processes, threads, creation, termination),
 * {@code csr} (csrss records, and {@code Subsystems}: the executive plus csrss), {@code win32}
 * (kernelbase/kernel32, ntdll, guest programs), {@code machine} (the state root {@code Kernel},
 * the symbol table assembled from what each component publishes, boot, the dispatcher loop),
 * {@code inspect} (snapshot, invariants), {@code kd} (the debugger and the console commands:
 * breakpoints, stepping, time travel, WinDbg views, .call/.reg/.file/.fail/.dump), then the
 * {@code Machine} facade.
 *
 * <p>A component's routines see the machine as the view it was written against (the
 * executive's routines {@code ps.Executive}, csrss's and user mode's {@code csr.Subsystems});
 * the state root extends both, so the engine hands it whole. What a lower layer needs from
 * above is an abstract method of its view (a symbol's address, ntdll's entry points, the
 * subsystem's process-exit port), and the creation parameters are layered the same way
 * ({@code io.ImageFileRequest} < {@code ps.PspCreateParameters} <
 * {@code csr.CsrCreateProcessMessage} < {@code win32.CreateProcessContext}).
 *
 * <p>Two profiles choose the creation pipeline and share every structure, command, snapshot,
 * invariant and termination path. {@code MODERN} (Windows 10): one system call,
 * NtCreateUserProcess, builds process and thread in seven stages
 * ({@code ps.ProcessCreation}, {@code ps.ThreadCreation}, {@code win32.KernelBase}).
 * {@code CLASSIC} (Windows XP / WRK): kernel32 drives six phases with separate system calls:
 * 1 NtOpenFile/NtCreateSection/NtQuerySection ({@code io.ImageFileServices}), 2
 * NtCreateProcessEx -> PspCreateProcess ({@code ps.ClassicProcessCreation},
 * {@code ps.ProcessInformation}), 3 NtCreateThread -> PspCreateThread
 * ({@code ps.ClassicThreadCreation}), 4 csrss, 5 NtResumeThread and KiThreadStartup
 * ({@code ps.ClassicThreadStartup}), 6 KiUserApcDispatcher -> LdrInitializeThunk ->
 * BaseProcessStart ({@code win32.ClassicNtdll}, {@code win32.Kernel32}). Its system calls
 * go from the ntdll stub through SharedUserData!SystemCall to ntdll!KiFastSystemCall, whose
 * SYSENTER enters nt!KiFastCallEntry, and return through ntdll!KiFastSystemCallRet
 * ({@code csr.FastSystemCall}), where the modern stubs show nt!KiSystemServiceCopyEnd.
 *
 * <p>Determinism: the only clock is the step count ({@code Position}); every allocator hands
 * out the lowest free address, PID, handle or frame, so a failed creation rolled back leaves
 * the machine exactly as it was. What legitimately differs after such a rollback is the
 * position and interrupt time, the last-call record, and the caller's TEB
 * {@code LastErrorValue}/{@code LastStatusValue}; everything else is byte-identical.
 */
package com.ntprocesslab.kernel;
