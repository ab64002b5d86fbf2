package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.Step;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * Where a thread stands, printed as WinDbg prints the next instruction after a stop: a symbol
 * line ({@code nt!PspAllocateProcess+0x2a0:}) and an instruction line (address, then the
 * instruction). This machine's instruction is its step: {@code call nt!X} for a step that
 * enters a function, {@code (inline code)} for a step of the routine's own code (its Java
 * action has no disassembly to show). The opcode bytes WinDbg prints between address and
 * mnemonic do not exist here and are left out.
 *
 * <p>A step that enters function X is both the caller's call instruction and X's entry. After
 * a step, the debugger shows it as the caller's {@code call} (so t then shows X's entry and no
 * location repeats); at a breakpoint on X it shows X's entry and X's first step, as WinDbg
 * shows a breakpoint on a function.
 */
final class Where {
    private Where() {
    }

    /** The thread a location stands on: the engine knows it as an execution thread, the debugger as an ETHREAD. */
    static EThread thread(Location at) {
        return (EThread) at.thread();
    }

    /** The code address of a location as a function entry (a step's callee), else the routine's address of step pc. */
    static long address(Kernel k, Location at) {
        if (at.symbol() != null) {
            return k.symbolAddress(at.symbol());
        }
        return stepAddress(k, at.frame());
    }

    /** The address of the step a frame is about to run: the routine's entry for step 0, else just after step pc - 1. */
    static long stepAddress(Kernel k, Frame frame) {
        long base = k.symbolAddress(frame.routine.symbol());
        return frame.pc == 0 ? base : base + frame.routine.returnOffset(frame.pc - 1);
    }

    /** {@code routine+0xoff} of step {@code pc} (or the code label there), or the routine's name for step 0. */
    static String stepSymbol(Routine routine, int pc) {
        return pc == 0 ? routine.symbol() : routine.returnSite(pc - 1);
    }

    /** The instruction text of a step: the call it makes, or the routine's own code. */
    static String instruction(Step step) {
        return step.symbol() != null ? "call    " + step.symbol() : "(inline code)";
    }

    /** Where a thread stands as the debugger shows it now: at a function's entry after a breakpoint on it, else the caller's view. */
    static String of(Debugger d, EThread thread) {
        if (d.showsEntry(thread)) {
            return entered(d.kernel, thread, d.kernel.engine.location(thread).symbol());
        }
        return is(d.kernel, thread);
    }

    /** The instruction pointer as {@link #of} shows it. */
    static long instructionPointer(Debugger d, EThread thread) {
        return d.showsEntry(thread) ? d.kernel.symbolAddress(d.kernel.engine.location(thread).symbol()) : stepAddress(d.kernel, thread.top());
    }

    /** After a step or a travel: the caller's view of the step about to run. */
    static String is(Kernel k, EThread thread) {
        String idle = idle(k, thread);
        if (idle != null) {
            return idle;
        }
        Location at = k.engine.location(thread);
        return stepSymbol(at.frame().routine, at.frame().pc) + ":\n" + k.platform.pointer(stepAddress(k, at.frame())) + " "
                + instruction(at.step());
    }

    /**
     * At a breakpoint on {@code function}: its entry and the first step of its body (its own
     * code for a function the machine runs as one step).
     */
    static String entered(Kernel k, EThread thread, String function) {
        String idle = idle(k, thread);
        if (idle != null) {
            return idle;
        }
        return function + ":\n" + k.platform.pointer(k.symbolAddress(function)) + body(function, k.profile);
    }

    private static String body(String function, Profile profile) {
        Routine routine = Symbols.routine(function, profile);
        return " " + (routine == null ? "(inline code)" : instruction(routine.step(0)));
    }

    private static String idle(Kernel k, EThread thread) {
        if (thread == null) {
            return "Every thread is waiting; nothing is about to run.";
        }
        if (k.engine.location(thread) == null) {
            return "Thread 0x" + Long.toHexString(thread.uniqueThread) + " of " + thread.process.imageFileName
                    + " has no code left to run (" + thread.tcb.state + ").";
        }
        return null;
    }
}
