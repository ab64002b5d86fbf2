package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.cm.RegistryKey;
import com.ntprocesslab.kernel.ke.Apc;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.inspect.Snapshot;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.UserApcs;
import com.ntprocesslab.kernel.win32.AlertableWaits;
import com.ntprocesslab.kernel.win32.ApiCall;
import com.ntprocesslab.kernel.win32.ApiSpec;
import com.ntprocesslab.kernel.win32.Apis;
import com.ntprocesslab.kernel.win32.Numbers;
import java.util.List;

/**
 * Applies parsed commands. Each handler first decides (resolves and validates everything,
 * touching nothing) and only then applies, so a rejected command leaves the machine as it was.
 */
public final class CommandExecutor {
    private final Kernel k;

    public CommandExecutor(Kernel kernel) {
        this.k = kernel;
    }

    /**
     * Applies a machine command other than {@code .call}, whose running belongs to the
     * debugger (breakpoints may stop it): see {@link #begin(Command.Call)}.
     */
    public CommandResult apply(Command command) {
        return switch (command) {
            case Command.Call c -> throw new IllegalArgumentException(".call runs through the debugger: begin it, then run its thread");
            case Command.RegAdd r -> regAdd(r);
            case Command.RegDelete r -> regDelete(r);
            case Command.FileAdd f -> fileAdd(f);
            case Command.Fail f -> {
                k.faults.arm(f.kind());
                yield accept("The next " + f.kind().label() + " allocation will fail.");
            }
            case Command.Dump d -> accept(Snapshot.json(k));
            case Command.Invariants i -> {
                List<String> problems = InvariantChecker.check(k);
                yield accept(problems.isEmpty() ? "All invariants hold." : String.join("\n", problems));
            }
        };
    }

    private static CommandResult accept(String output) {
        return new CommandResult(true, output);
    }

    private static CommandResult reject(String output) {
        return new CommandResult(false, output);
    }

    /**
     * Validates a .call and pushes its entry frame on the caller's thread without running a
     * step: the machine is then stopped before the call's first step (for debuggers and tests).
     * Returns the pending call, or the rejection (and then nothing changed).
     */
    public Object begin(Command.Call c) {
        return begin(c, 16);
    }

    /**
     * {@link #begin(Command.Call)} reading the caller's PID and the arguments, where they have no
     * 0x or 0n, in {@code radix}: 16 as WinDbg's default, 10 for a log recorded by a kernel that
     * read them in decimal (see {@code Machine.callRadix}).
     */
    public Object begin(Command.Call c, int radix) {
        return Numbers.inRadix(radix, () -> beginInRadix(c));
    }

    private Object beginInRadix(Command.Call c) {
        ApiSpec spec = Apis.find(c.api());
        if (spec == null || spec.guestOnly()) {
            return reject("Couldn't resolve error at '" + c.api() + "': unknown API. Callable APIs: " + Apis.callableNames() + ".");
        }
        EProcess caller = resolveCaller(c.caller());
        if (caller == null) {
            return reject("Couldn't resolve error at '" + c.caller() + "': no live process with that image name or PID.");
        }
        EThread thread = firstLiveThread(caller);
        if (thread == null || thread.systemThread) {
            return reject("Process " + caller.imageFileName + " (PID 0x" + Long.toHexString(caller.uniqueProcessId)
                    + ") has no user-mode thread that can make the call.");
        }
        if (!thread.started || thread.teb == null) {
            return reject("The thread of " + caller.imageFileName + " has not started running yet (resume it and run g first).");
        }
        if (k.pendingCallOn(thread) != null) {
            return reject("A call on thread 0x" + Long.toHexString(thread.uniqueThread) + " of " + caller.imageFileName
                    + " is still in progress; run g to let it finish first.");
        }
        String notAlertable = UserApcs.whyNotDeliverable(thread);
        if (notAlertable != null) {
            // a queued APC would wait for an alertable wait this thread may never make: refuse rather than hang
            return reject("Thread 0x" + Long.toHexString(thread.uniqueThread) + " of " + caller.imageFileName
                    + " is not in an alertable wait (" + notAlertable + "); .call queues the API as a user APC,"
                    + " and user APCs run only in an alertable user-mode wait.");
        }
        List<String> args = new java.util.ArrayList<>(c.args().size());
        for (String arg : c.args()) {
            String value = createdProcessField(arg);
            if (value == null) {
                return reject("Couldn't resolve error at '" + arg + "': " + (k.lastCreatedProcess == null
                        ? "no CreateProcess call has completed on this machine yet."
                        : "the last created process's fields are $hProcess, $hThread, $dwProcessId and $dwThreadId."));
            }
            args.add(value);
        }
        ApiCall call = new ApiCall(spec, String.join(" ", args));
        String error = spec.parser().parse(args, call);
        if (error != null) {
            return reject(error.startsWith("Syntax error") ? error : "Syntax error at '" + String.join(" ", c.args()) + "': " + error);
        }
        call.callerPid = caller.uniqueProcessId;
        UserApcs.UserApcContext apc = new UserApcs.UserApcContext(call);
        PendingCall pending = new PendingCall(thread, thread.frames.size(), call,
                thread.tcb.state, thread.tcb.waitReason, thread.tcb.waitObject, apc);
        // QueueUserAPC(API, thread, args) as a debugger extension would: NtQueueApcThread with the
        // dispatch routine as NormalRoutine; the alertable wait ends and the thread runs alone now
        UserApcs.KeInsertQueueApc(k, thread, new Apc(AlertableWaits.dispatchRoutine(k.profile), true, 0, apc));
        k.scheduler.readyQueue.remove(thread);
        thread.tcb.state = KThreadState.Running;
        k.pendingCalls.add(pending);
        return pending;
    }

    /**
     * An argument as typed, or, for {@code $hProcess}, {@code $hThread}, {@code $dwProcessId} and
     * {@code $dwThreadId}, the value from the PROCESS_INFORMATION of the last CreateProcess call
     * that completed (null when there is no such value).
     */
    private String createdProcessField(String arg) {
        if (!arg.startsWith("$")) {
            return arg;
        }
        Long value = k.lastCreatedProcess == null ? null : k.lastCreatedProcess.field(arg.substring(1));
        return value == null ? null : "0x" + Long.toHexString(value);
    }

    /** Parses {@code .call ...} text and begins it (see {@link #begin(Command.Call)}). */
    public Object begin(String line) {
        CommandParser.Parsed parsed = CommandParser.parse(line);
        if (parsed.error() != null) {
            return reject(parsed.error());
        }
        if (!(parsed.command() instanceof Command.Call c)) {
            return reject("Syntax error at '" + line + "': expected a .call command");
        }
        return begin(c);
    }

    private EProcess resolveCaller(String text) {
        Long pid = Numbers.parse(text);
        if (pid != null) {
            KernelObject o = pid > 0 && pid % 4 == 0 ? k.pspCidTable.lookup(pid) : null;
            return o instanceof EProcess p && p.alive() ? p : null;
        }
        for (EProcess p : k.processes()) {
            if (p.alive() && p.imageFileName.equalsIgnoreCase(text)) {
                return p;
            }
        }
        return null;
    }

    private static EThread firstLiveThread(EProcess p) {
        for (EThread t : p.threadListHead.owners()) {
            if (!t.terminated()) {
                return t;
            }
        }
        return null;
    }

    private CommandResult regAdd(Command.RegAdd r) {
        if (Registry.components(r.key()) == null || Registry.components(r.key()).isEmpty()) {
            return reject("Syntax error at '" + r.key() + "': registry keys start with HKLM\\ (quote keys that contain spaces)");
        }
        if (r.value().isEmpty()) {
            return reject("Syntax error at '': a value name is required");
        }
        RegistryKey key = k.registry.createKey(r.key());
        key.values.put(r.value(), r.data());
        return accept("Set " + r.key() + "\\" + r.value() + " = " + r.data());
    }

    private CommandResult regDelete(Command.RegDelete r) {
        RegistryKey key = Registry.components(r.key()) == null ? null : k.registry.openKey(r.key());
        if (key == null) {
            return reject("Couldn't resolve error at '" + r.key() + "': no such registry key");
        }
        if (r.value() != null) {
            if (!key.values.containsKey(r.value())) {
                return reject("Couldn't resolve error at '" + r.value() + "': the key has no such value");
            }
            key.values.remove(r.value());
            return accept("Deleted value " + r.value() + " of " + r.key());
        }
        if (key == k.registry.root || !k.registry.deleteKey(r.key())) {
            return reject("Syntax error at '" + r.key() + "': this key cannot be deleted");
        }
        return accept("Deleted key " + r.key());
    }

    private CommandResult fileAdd(Command.FileAdd f) {
        String path = f.path();
        if (!path.matches("(?i)C:\\\\([^\\\\/:*?\"<>|]+\\\\)*[^\\\\/:*?\"<>|]+")) {
            return reject("Syntax error at '" + path + "': expected a full path on C:, such as C:\\Temp\\run.cmd");
        }
        if (k.volume.find(path) != null) {
            return reject("File " + path + " already exists.");
        }
        k.volume.add(new VolumeFile(path, null, f.content()));
        return accept("Created " + path + " (" + f.content().length() + " characters).");
    }
}
