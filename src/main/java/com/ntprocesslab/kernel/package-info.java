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
 * guest programs), {@code nt} (header facts: NTSTATUS and Win32 error codes, access masks; imports
 * no other kernel package), {@code exec} (step engine, machine commands), {@code kd} (the debugger:
 * breakpoints, stepping, time travel, WinDbg views), {@code inspect} (snapshot, invariants).
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
 * enter through nt!KiFastCallEntry, XP's SYSENTER handler, where the modern stubs show
 * nt!KiSystemServiceCopyEnd.
 *
 * <p>Determinism: the only clock is the step count ({@code Position}); every allocator hands
 * out the lowest free address, PID, handle or frame, so a failed creation rolled back leaves
 * the machine exactly as it was. What legitimately differs after such a rollback is the
 * position and interrupt time, the last-call record, and the caller's TEB
 * {@code LastErrorValue}/{@code LastStatusValue}; everything else is byte-identical.
 */
package com.ntprocesslab.kernel;
