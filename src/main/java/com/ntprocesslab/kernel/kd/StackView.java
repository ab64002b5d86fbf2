package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;

/**
 * k: the engine's frames of a thread as WinDbg x64 prints them. The call sites come from the
 * engine ({@code module!Function+0xoff}); a frame's return address is its caller's call
 * site; stack pointers are laid out from the thread's stacks, kernel frames on the kernel
 * stack and user-mode frames on the user stack, each function with a fixed frame size.
 */
final class StackView {
    static final String HEADER = " # Child-SP          RetAddr           Call Site";
    /** WinDbg's x86 layout: the frame pointer (EBP) and return address, 8 digits each. */
    static final String HEADER_X86 = " # ChildEBP RetAddr  ";

    static String header(Platform platform) {
        return platform.x86 ? HEADER_X86 : HEADER;
    }

    private StackView() {
    }

    /** kb and kv: the return address, the first four arguments of each frame's call, the call site. */
    static final String ARGS_HEADER = " # RetAddr           : Args to Child                                                           : Call Site";
    /** An argument the machine does not hold as a number (a string, a structure): WinDbg's mark for memory it cannot read. */
    private static final String UNREADABLE = "????????`????????";

    /**
     * k and kn (frame numbers, Child-SP, RetAddr, call site) and kb/kv (RetAddr, Args to Child,
     * call site), laid out as "k, kb, kc, kd, kp, kP, kv (Display Stack Backtrace)" in
     * Microsoft's debugger reference shows them for x64. This machine keeps no frame-pointer
     * or FPO data, so kv prints what kb does.
     */
    static CommandResult k(Debugger d, char kind) {
        if (kind != 'b' && kind != 'v') {
            return k(d);
        }
        EThread thread = d.contextThread();
        if (thread == null) {
            return k(d);
        }
        List<Site> sites = visible(d, thread);
        if (sites.isEmpty()) {
            return k(d);
        }
        List<String> args = args(d, thread, sites);
        if (d.kernel.platform.x86) {
            return Debugger.accept(x86ArgsLines(d, thread, args));
        }
        StringBuilder out = new StringBuilder(ARGS_HEADER);
        for (int i = 0; i < sites.size(); i++) {
            long returnAddress = i + 1 < sites.size() ? siteAddress(d.kernel, sites.get(i + 1).text()) : 0;
            out.append('\n').append(String.format("%02x %s : %s : %s", i, d.kernel.platform.pointer(returnAddress), args.get(i), sites.get(i).text()));
        }
        return Debugger.accept(out.toString());
    }

    /**
     * kb and kv on x86: ChildEBP, RetAddr, the first three arguments from the stack, the call
     * site, on one line without colons (" # ChildEBP RetAddr  Args to Child", as the x86 "kv"
     * transcripts of kernel debugging show it; the arguments are the dwords above the frame's EBP).
     */
    private static String x86ArgsLines(Debugger d, EThread thread, List<String> args) {
        List<String> frames = lines(d, thread);
        StringBuilder out = new StringBuilder(ARGS_HEADER_X86);
        for (int i = 0; i < frames.size(); i++) {
            String[] parts = frames.get(i).split(" ", 4);
            out.append('\n').append(parts[0]).append(' ').append(parts[1]).append(' ').append(parts[2]).append(' ')
                    .append(args.get(i)).append(' ').append(parts[3]);
        }
        return out.toString();
    }

    /** The x86 kb header: ChildEBP, RetAddr, three dwords of arguments. */
    static final String ARGS_HEADER_X86 = " # ChildEBP RetAddr  Args to Child              ";

    /** The first arguments of each line's call, as kb prints them: four quadwords on x64, three dwords on x86. */
    private static List<String> args(Debugger d, EThread thread, List<Site> sites) {
        List<String> result = new ArrayList<>();
        int count = d.kernel.platform.x86 ? 3 : 4;
        String unreadable = d.kernel.platform.x86 ? "????????" : UNREADABLE;
        for (Site site : sites) {
            int frame = site.frame();
            List<Long> args = frame >= 0 && frame < thread.frames.size() ? Registers.numbers(thread.frames.get(frame).args) : List.of();
            StringBuilder four = new StringBuilder();
            for (int a = 0; a < count; a++) {
                four.append(a == 0 ? "" : " ").append(a < args.size() ? d.kernel.platform.pointer(args.get(a)) : unreadable);
            }
            result.add(four.toString());
        }
        return result;
    }

    /** The stack header of !thread and !process with thread details on x64: Child-SP, RetAddr, then kb's arguments. */
    static final String THREAD_HEADER = "Child-SP          RetAddr           : Args to Child                                                           : Call Site";

    /**
     * The stack lines !thread (default flags 0x6) and !process (flags 0x7) print on x64:
     * Child-SP, RetAddr, the four arguments, the call site, unnumbered ("!thread",
     * "!process" in Microsoft's debugger reference: flag bit 3 alone suppresses the
     * arguments). On x86 the lines are k's, unnumbered. Empty when the thread has no frames.
     */
    static List<String> threadLines(Debugger d, EThread thread) {
        List<String> numbered = lines(d, thread);
        if (numbered.isEmpty()) {
            return numbered;
        }
        List<Site> sites = visible(d, thread);
        List<String> args = args(d, thread, sites);
        if (d.kernel.platform.x86) {
            // x86 !thread: kb's columns unnumbered, ChildEBP RetAddr and three dwords of arguments
            return x86ArgsLines(d, thread, args).lines().skip(1).map(line -> line.substring(3)).toList();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < numbered.size(); i++) {
            String[] parts = numbered.get(i).substring(3).split(" ", 3);
            result.add(parts[0] + " " + parts[1] + " : " + args.get(i) + " : " + parts[2]);
        }
        return result;
    }

    static String threadHeader(Platform platform) {
        return platform.x86 ? ARGS_HEADER_X86.substring(3) : THREAD_HEADER;
    }

    /** A stack listing cut to its header and first {@code frames} frame lines (0: all of it). */
    static CommandResult firstFrames(CommandResult listing, int frames) {
        if (frames == 0 || !listing.output().startsWith(" # ")) {
            return listing;
        }
        List<String> lines = listing.output().lines().limit(frames + 1L).toList();
        return Debugger.accept(String.join("\n", lines));
    }

    static CommandResult k(Debugger d) {
        EThread thread = d.contextThread();
        if (thread == null) {
            return Debugger.accept("Every thread is waiting and no thread context is set; choose one with .thread <address> (!process 0 7 lists them).");
        }
        List<String> lines = lines(d, thread);
        if (lines.isEmpty()) {
            return Debugger.accept("Thread 0x" + Long.toHexString(thread.uniqueThread) + " of " + thread.process.imageFileName
                    + " has no frames (" + thread.tcb.state + ").");
        }
        return Debugger.accept(header(d.kernel.platform) + "\n" + String.join("\n", lines));
    }

    /** The numbered frame lines, innermost first; empty when the thread has no frames. */
    static List<String> lines(Debugger d, EThread thread) {
        List<String> sites = visibleSites(d, thread);
        int n = sites.size();
        long[] childSp = new long[n];
        Platform platform = d.kernel.platform;
        long initial = platform.x86 ? 0x14 : 0x28;
        long userSp = thread.stackBase != 0 ? thread.stackBase - initial : 0;
        // x86: kernel frames start below the KTRAP_FRAME KiInitializeContextThread built, where the thread entered the kernel
        long kernelSp = platform.x86 && thread.trapFrame != 0 ? thread.trapFrame : platform.kernelStackBase(thread.address) - initial;
        for (int i = n - 1; i >= 0; i--) {
            String function = function(sites.get(i));
            long size = frameSize(platform, function);
            if (isKernel(function) || userSp == 0) {
                kernelSp -= size;
                childSp[i] = kernelSp;
            } else {
                userSp -= size;
                childSp[i] = userSp;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long returnAddress = i + 1 < n ? siteAddress(d.kernel, sites.get(i + 1)) : 0;
            lines.add(String.format("%02x %s %s %s", i, platform.pointer(childSp[i]), platform.pointer(returnAddress), sites.get(i)));
        }
        return lines;
    }

    /**
     * The engine's call sites, except the kernel frames under a frame pushed on a waiting
     * thread ({@code Frame.injected}: NtLoadDriver's work item on the System worker thread),
     * which did not call it; the engine keeps them to resume the wait afterwards, and the
     * snapshot shows them. A .call needs no such hiding: it runs as a user APC, and
     * KiInitializeUserApc takes the wait's kernel frames off the stack.
     */
    private static List<String> visibleSites(Debugger d, EThread thread) {
        return visible(d, thread).stream().map(Site::text).toList();
    }

    /** A line of the stack: its call site, and the index of the frame it belongs to (frames.size() for a callee not yet entered). */
    record Site(String text, int frame) {
    }

    private static List<Site> visible(Debugger d, EThread thread) {
        List<String> trace = new ArrayList<>(d.kernel.engine.stackTrace(thread));
        Location here = d.kernel.engine.location(thread);
        if (here == null || trace.isEmpty()) {
            return List.of();
        }
        // a routine standing at its own entry (Location.inCallee false) is not about to call anything
        boolean callView = here.inCallee() && !d.showsEntry(thread);
        if (callView) {
            // about to make the call: frame 0 is the caller's call instruction, not the callee's entry
            trace.subList(0, Math.min(2, trace.size())).clear();
            trace.addFirst(Where.stepSymbol(here.frame().routine, here.frame().pc));
        }
        // line j belongs to frame (first - j): the callee's entry counts as the frame above the top one
        int first = !callView && here.inCallee() ? thread.frames.size() : thread.frames.size() - 1;
        int injected = -1;
        for (int i = thread.frames.size() - 1; i >= 0 && injected < 0; i--) {
            if (thread.frames.get(i).injected) {
                injected = i;
            }
        }
        List<Site> visible = new ArrayList<>();
        visible.add(new Site(trace.get(0), first));
        for (int j = 1; j < trace.size(); j++) {
            int frame = first - j;
            if (injected < 0 || frame >= injected || !isKernel(function(trace.get(j)))) {
                visible.add(new Site(trace.get(j), frame));
            }
        }
        return visible;
    }

    /** nt and the drivers live in system space (the upper half of the address space). */
    private static boolean isKernel(String function) {
        return function.startsWith("nt!") || Long.compareUnsigned(Symbols.address(function), 0xffff800000000000L) >= 0;
    }

    private static String function(String site) {
        int plus = site.indexOf('+');
        return plus < 0 ? site : site.substring(0, plus);
    }

    /** A function's stack frame, fixed per function: x64 0x28 to 0x7a8 bytes (8-aligned), x86 0x14 to 0x3d0 (4-aligned). */
    private static long frameSize(Platform platform, String function) {
        return platform.x86 ? 0x14 + Math.floorMod(function.hashCode(), 0xf0) * 4L : 0x28 + Math.floorMod(function.hashCode(), 0xf0) * 8L;
    }

    static long siteAddress(Kernel k, String site) {
        int plus = site.indexOf("+0x");
        if (plus < 0) {
            return k.symbolAddress(site);
        }
        return k.symbolAddress(site.substring(0, plus)) + Long.parseLong(site.substring(plus + 3), 16);
    }
}
