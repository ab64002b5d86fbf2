package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.ps.NtArgs;

/**
 * The argument and result block of one Win32/native API call, made by the console's .call
 * or by a guest program's script. Plain data: it lives in the entry frame.
 */
public final class ApiCall {
    public static final long INFINITE = 0xFFFFFFFFL;
    public static final long WAIT_OBJECT_0 = 0;
    public static final long WAIT_TIMEOUT = 0x102;
    /** An alertable wait returned to run user APCs (winbase.h; STATUS_USER_APC's value). */
    public static final long WAIT_IO_COMPLETION = 0xC0;

    public final ApiSpec spec;
    public final String argumentText;
    public long callerPid;

    public String path;
    public long flags;
    public long handle;
    public long value;
    public long pid;
    public long timeout = INFINITE;
    /** WaitForSingleObjectEx's bAlertable: a user APC may end the wait. */
    public boolean alertable;
    public long tokenHandle;
    /** CreateProcessWithLogonW: the token LogonUserW made for the call, closed once the process exists (0: none). */
    public long logonToken;
    public Integer session;
    public String user;
    /** CreateThread's lpStartAddress: the name of a thread procedure of the target image. */
    public String startRoutine;
    /** CreateThread's lpParameter, where the machine passes one (the shell worker's shortcut). */
    public String startParameter;
    /** A call this one makes on the caller's behalf while it runs (the shell's CreateThread, CloseHandle). */
    public ApiCall nested;
    /** DuplicateHandle's hSourceHandle and hTargetProcessHandle (handle is hSourceProcessHandle). */
    public long sourceHandle;
    public long targetProcess;
    /** dwOptions (DuplicateHandle), dwMask (SetHandleInformation). */
    public long options;
    public long mask;
    /** bInheritHandle (OpenProcess, DuplicateHandle). */
    public boolean inherit;
    /** An OUT parameter the API fills (TargetHandle, Flags, PriorityClass): printed and readable as $x.<label>. */
    public String outLabel;
    public long outValue;
    /** CreateProcess*'s lpApplicationName (null: NULL) and the STARTUPINFO-side parameters (null: none given). */
    public String applicationName;
    public boolean applicationNameGiven;
    public com.ntprocesslab.kernel.mm.StartupParameters startup;
    /** PROC_THREAD_ATTRIBUTE_PARENT_PROCESS: a handle (in the creator's table) to the process the new one is created under (0: none). */
    public long parentProcess;
    /** CreateProcessWithLogonW / WithTokenW: the request and reply block of the call to seclogon while it is out. */
    public SecondaryLogon.Request seclogon;
    /** NtDuplicateObject's argument block while it runs. */
    public com.ntprocesslab.kernel.ob.DuplicateArgs duplicate;

    /** A hard error the call raised (CreateProcess of another machine's image), shown with the result; null: none. */
    public HardErrorReport hardError;

    public boolean returned;
    public long returnValue;
    public long status;
    public long lastError;
    public boolean processInformation;
    /** WaitForDebugEvent filled a DEBUG_EVENT: {@code value} is its code, processId and threadId its IDs. */
    public boolean debugEvent;
    public long hProcess;
    public long hThread;
    public long processId;
    public long threadId;
    /** CreateThread / CreateRemoteThread made a thread: its ID is printed with the handle. */
    public boolean threadCreated;
    /** The calling thread ended inside the call (ExitProcess, ExitThread, a crash). */
    public boolean callerExited;
    public CreateProcessContext creation;
    /** XP's CreateRemoteThread keeps its request here: the console's .call enters it with the ApiCall itself. */
    public CreateThreadContext threadCreation;
    /** The native argument block while the system service runs. */
    public NtArgs nt;

    public ApiCall(ApiSpec spec, String argumentText) {
        this.spec = spec;
        this.argumentText = argumentText;
    }

    public String api() {
        return spec.name();
    }

    /** A named result for scripts: $x (the return value), $x.hProcess, $x.dwProcessId ... */
    public Long field(String name) {
        return switch (name) {
            case "" -> returnValue;
            case "hProcess" -> hProcess;
            case "hThread" -> hThread;
            case "dwProcessId" -> processId;
            case "dwThreadId" -> threadId;
            case "ExitCode" -> value;
            default -> name.equals(outLabel) ? outValue : null;
        };
    }

    /** The process was created: PROCESS_INFORMATION's handles are filled in, and the API returns {@code value}. */
    public void processCreated(long processHandle, long threadHandle, long value) {
        processInformation = true;
        hProcess = processHandle;
        hThread = threadHandle;
        returnValue = value;
    }

    public CallRecord record(boolean completed) {
        return new CallRecord(callerPid, api(), argumentText, completed, describe(completed));
    }

    public String describe(boolean completed) {
        StringBuilder sb = new StringBuilder();
        String call = api() + "(" + argumentText + ")";
        if (!completed) {
            return call + " is waiting; run g to let it finish.";
        }
        if (callerExited) {
            sb.append(call).append(" did not return: the calling thread exited");
            return sb.toString();
        }
        sb.append(call).append(" returned ").append(spec.returns().format(returnValue));
        if (processInformation) {
            sb.append(NL).append("  hProcess: ").append(hex(hProcess)).append("  hThread: ").append(hex(hThread))
                    .append("  dwProcessId: ").append(hexAndDecimal(processId)).append("  dwThreadId: ").append(hexAndDecimal(threadId));
        }
        if (threadCreated) {
            sb.append(NL).append("  ThreadId: ").append(hexAndDecimal(threadId));
        }
        if (outLabel != null && returnValue != 0) {
            sb.append(NL).append("  ").append(outLabel).append(": ").append(hex(outValue));
        }
        if (debugEvent) {
            sb.append(NL).append("  dwDebugEventCode: ").append(hex(value)).append(" (").append(com.ntprocesslab.kernel.ob.DebugEvent.name(value))
                    .append(")  dwProcessId: ").append(hexAndDecimal(processId)).append("  dwThreadId: ").append(hexAndDecimal(threadId));
        }
        if (spec.returns() == ApiSpec.Returns.EXIT_CODE && returnValue != 0) {
            sb.append(NL).append("  ExitCode: ").append(hex(value)).append(value == NtStatus.STATUS_PENDING ? " (STILL_ACTIVE)" : "");
        }
        if (hardError != null) {
            sb.append(NL).append("  ").append(hardError.describe());
        }
        sb.append(NL).append("LastError: ").append(Win32Error.format(lastError));
        return sb.toString();
    }

    /** What %n gives: the result is built after every .call, and String.format parses its pattern each time. */
    private static final String NL = System.lineSeparator();

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static String hexAndDecimal(long value) {
        return "0x" + Long.toHexString(value) + " (" + value + ")";
    }
}
