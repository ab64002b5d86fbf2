package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.ps.DebugEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The APIs a .call or a guest script can make, with their argument syntax. Parsing only
 * fills an ApiCall; nothing touches the machine until the call runs.
 */
public final class Apis {
    private static final Map<String, ApiSpec> SPECS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Map<String, Long> ACCESS_NAMES = new TreeMap<>();

    static {
        ACCESS_NAMES.put("PROCESS_TERMINATE", AccessMask.PROCESS_TERMINATE);
        ACCESS_NAMES.put("PROCESS_CREATE_THREAD", AccessMask.PROCESS_CREATE_THREAD);
        ACCESS_NAMES.put("PROCESS_VM_OPERATION", AccessMask.PROCESS_VM_OPERATION);
        ACCESS_NAMES.put("PROCESS_VM_READ", AccessMask.PROCESS_VM_READ);
        ACCESS_NAMES.put("PROCESS_VM_WRITE", AccessMask.PROCESS_VM_WRITE);
        ACCESS_NAMES.put("PROCESS_DUP_HANDLE", AccessMask.PROCESS_DUP_HANDLE);
        ACCESS_NAMES.put("PROCESS_CREATE_PROCESS", AccessMask.PROCESS_CREATE_PROCESS);
        ACCESS_NAMES.put("PROCESS_SET_QUOTA", AccessMask.PROCESS_SET_QUOTA);
        ACCESS_NAMES.put("PROCESS_SET_INFORMATION", AccessMask.PROCESS_SET_INFORMATION);
        ACCESS_NAMES.put("PROCESS_QUERY_INFORMATION", AccessMask.PROCESS_QUERY_INFORMATION);
        ACCESS_NAMES.put("PROCESS_SUSPEND_RESUME", AccessMask.PROCESS_SUSPEND_RESUME);
        ACCESS_NAMES.put("PROCESS_QUERY_LIMITED_INFORMATION", AccessMask.PROCESS_QUERY_LIMITED_INFORMATION);
        ACCESS_NAMES.put("SYNCHRONIZE", AccessMask.SYNCHRONIZE);
        ACCESS_NAMES.put("PROCESS_ALL_ACCESS", AccessMask.PROCESS_ALL_ACCESS);
        ACCESS_NAMES.put("GENERIC_READ", AccessMask.GENERIC_READ);
        ACCESS_NAMES.put("GENERIC_WRITE", AccessMask.GENERIC_WRITE);
        ACCESS_NAMES.put("GENERIC_EXECUTE", AccessMask.GENERIC_EXECUTE);
        ACCESS_NAMES.put("GENERIC_ALL", AccessMask.GENERIC_ALL);

        creation("CreateProcessW", () -> KernelBase.CreateProcessWStub);
        creation("CreateProcessA", () -> KernelBase.CreateProcessA);
        add("CreateProcessAsUserW", "<hToken> <path> [flags] [NAME=value ...]", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() < 2) {
                return "CreateProcessAsUserW takes <hToken> <path> [flags] [NAME=value ...]";
            }
            String err = handle(a.get(0), c, true);
            if (err != null) {
                return err;
            }
            c.tokenHandle = c.handle;
            c.handle = 0;
            return pathAndFlags(a.subList(1, a.size()), c);
        }, () -> KernelBase.CreateProcessAsUserW);
        add("CreateProcessWithLogonW", "<user> <path> [flags] [dwLogonFlags=LOGON_WITH_PROFILE] [NAME=value ...]", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() < 2 || !a.get(0).matches("[A-Za-z][A-Za-z0-9_.-]{0,19}")) {
                return "CreateProcessWithLogonW takes <user> <path> [flags] [dwLogonFlags=...] [NAME=value ...] (a user name of letters, digits, _ . -)";
            }
            c.user = a.get(0);
            List<String> rest = new ArrayList<>(a.subList(1, a.size()));
            String err = logonFlags(rest, c);
            return err != null ? err : pathAndFlags(rest, c);
        }, () -> LogonCreation.MODERN.withLogon());
        add("CreateProcessWithTokenW", "<hToken> <path> [flags] [dwLogonFlags=LOGON_WITH_PROFILE] [NAME=value ...]", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() < 2) {
                return "CreateProcessWithTokenW takes <hToken> <path> [flags] [dwLogonFlags=...] [NAME=value ...]";
            }
            String err = handle(a.get(0), c, true);
            if (err != null) {
                return err;
            }
            c.tokenHandle = c.handle;
            c.handle = 0;
            List<String> rest = new ArrayList<>(a.subList(1, a.size()));
            err = logonFlags(rest, c);
            return err != null ? err : pathAndFlags(rest, c);
        }, () -> LogonCreation.MODERN.withToken());
        add("RtlCreateUserProcess", "<path> [flags] [SESSION=n]", ApiSpec.Returns.NTSTATUS, true, (a, c) -> {
            List<String> rest = new ArrayList<>(a);
            if (!rest.isEmpty() && rest.get(rest.size() - 1).toUpperCase(Locale.ROOT).startsWith("SESSION=")) {
                Long session = Numbers.parse(rest.remove(rest.size() - 1).substring(8));
                if (session == null) {
                    return "SESSION= needs a number";
                }
                c.session = session.intValue();
            }
            return pathAndFlags(rest, c);
        }, () -> Win32Api.RtlCreateUserProcessEntry);
        add("TerminateProcess", "<hProcess> <exitcode>", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() != 2) {
                return "TerminateProcess takes <hProcess> <exitcode>";
            }
            String err = handle(a.get(0), c, true);
            return err != null ? err : number(a.get(1), c);
        }, () -> Win32Api.TerminateProcess);
        handleApi("CloseHandle", ApiSpec.Returns.BOOL, () -> Win32Api.CloseHandle, false);
        handleApi("ResumeThread", ApiSpec.Returns.DWORD, () -> Win32Api.ResumeThread, false);
        handleApi("SuspendThread", ApiSpec.Returns.DWORD, () -> Win32Api.SuspendThread, false);
        handleApi("GetExitCodeProcess", ApiSpec.Returns.EXIT_CODE, () -> Win32Api.GetExitCodeProcess, false);
        add("WaitForSingleObject", "<handle> [milliseconds|INFINITE]", ApiSpec.Returns.WAIT, false, (a, c) -> {
            if (a.isEmpty() || a.size() > 2) {
                return "WaitForSingleObject takes <handle> [milliseconds|INFINITE]";
            }
            String err = handle(a.get(0), c, true);
            if (err != null) {
                return err;
            }
            return a.size() == 2 ? timeout(a.get(1), c) : null;
        }, () -> Win32Api.WaitForSingleObject);
        // what the guest programs idle in: an alertable wait, where a .call's user APC runs
        add("WaitForSingleObjectEx", "<handle> <milliseconds|INFINITE> <bAlertable>", ApiSpec.Returns.WAIT, true, (a, c) -> {
            if (a.size() != 3) {
                return "WaitForSingleObjectEx takes <handle> <milliseconds|INFINITE> <bAlertable>";
            }
            String err = handle(a.get(0), c, true);
            err = err != null ? err : timeout(a.get(1), c);
            Boolean alertable = bool(a.get(2));
            if (err == null && alertable == null) {
                err = "Syntax error at '" + a.get(2) + "': bAlertable is TRUE or FALSE";
            }
            c.alertable = alertable != null && alertable;
            return err;
        }, () -> AlertableWaits.WaitForSingleObjectEx);
        add("OpenProcess", "<access> [bInheritHandle] <pid>", ApiSpec.Returns.HANDLE, false, (a, c) -> {
            if (a.size() != 2 && a.size() != 3) {
                return "OpenProcess takes <access> [bInheritHandle] <pid>";
            }
            Long access = access(a.get(0));
            if (access == null) {
                return "Syntax error at '" + a.get(0) + "': expected an access mask such as PROCESS_TERMINATE|SYNCHRONIZE or 0x1f0fff";
            }
            c.value = access;
            if (a.size() == 3) {
                Boolean inherit = bool(a.get(1));
                if (inherit == null) {
                    return "Syntax error at '" + a.get(1) + "': expected bInheritHandle TRUE or FALSE";
                }
                c.inherit = inherit;
            }
            String pidText = a.get(a.size() - 1);
            Long pid = Numbers.parse(pidText);
            if (pid == null || pid < 0) {
                return "Syntax error at '" + pidText + "': expected a process ID";
            }
            c.pid = pid;
            return null;
        }, () -> Win32Api.OpenProcess);
        add("CreateThread", "<StartRoutine> [CREATE_SUSPENDED]", ApiSpec.Returns.HANDLE, false,
                (a, c) -> a.isEmpty() || a.size() > 2 ? "CreateThread takes <StartRoutine> [CREATE_SUSPENDED], e.g. CreateThread Worker"
                        : startAndFlags(a, c), () -> ThreadApi.CreateThread);
        add("CreateRemoteThread", "<hProcess> <StartRoutine> [CREATE_SUSPENDED]", ApiSpec.Returns.HANDLE, false, (a, c) -> {
            if (a.size() < 2 || a.size() > 3) {
                return "CreateRemoteThread takes <hProcess> <StartRoutine> [CREATE_SUSPENDED]";
            }
            String err = handle(a.get(0), c, true);
            return err != null ? err : startAndFlags(a.subList(1, a.size()), c);
        }, () -> ThreadApi.CreateRemoteThread);
        add("TerminateThread", "<hThread> <exitcode>", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() != 2) {
                return "TerminateThread takes <hThread> <exitcode>";
            }
            String err = handle(a.get(0), c, true);
            return err != null ? err : number(a.get(1), c);
        }, () -> ThreadApi.TerminateThread);
        handleApi("GetExitCodeThread", ApiSpec.Returns.EXIT_CODE, () -> ThreadApi.GetExitCodeThread, false);
        handleApi("GetThreadPriority", ApiSpec.Returns.THREAD_PRIORITY, () -> ThreadApi.GetThreadPriority, false);
        add("SetThreadPriority", "<hThread> <priority>", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() != 2) {
                return "SetThreadPriority takes <hThread> <priority>, e.g. SetThreadPriority $hThread THREAD_PRIORITY_HIGHEST";
            }
            String err = handle(a.get(0), c, true);
            if (err != null) {
                return err;
            }
            Integer named = ThreadApi.PRIORITY_NAMES.get(a.get(1).toUpperCase(Locale.ROOT));
            Long number = named != null ? Long.valueOf(named) : Numbers.parse(a.get(1));
            if (number == null || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                return "Syntax error at '" + a.get(1) + "': expected a priority such as THREAD_PRIORITY_HIGHEST, 2 or -1";
            }
            c.value = number;
            return null;
        }, () -> ThreadApi.SetThreadPriority);
        add("ShellExecuteExW", "<shortcut.lnk>", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() != 1 || !a.get(0).toLowerCase(Locale.ROOT).endsWith(".lnk")) {
                return "ShellExecuteExW takes one shortcut (.lnk) to open, e.g. ShellExecuteExW C:\\Users\\student\\Desktop\\Notepad.lnk";
            }
            c.path = a.get(0);
            return null;
        }, () -> ShellLaunch.ShellExecuteExW);
        add("DuplicateHandle", "<hSourceProcess> <hSource> <hTargetProcess> [access] [bInheritHandle] [options]", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() < 3 || a.size() > 6) {
                return "DuplicateHandle takes <hSourceProcess> <hSource> <hTargetProcess> [access] [bInheritHandle] [options], e.g. DuplicateHandle -1 0x1c -1 0 FALSE DUPLICATE_SAME_ACCESS";
            }
            String err = handle(a.get(0), c, true);
            if (err != null) {
                return err;
            }
            long sourceProcess = c.handle;
            err = handle(a.get(1), c, true);
            if (err != null) {
                return err;
            }
            c.sourceHandle = c.handle;
            err = handle(a.get(2), c, true);
            if (err != null) {
                return err;
            }
            c.targetProcess = c.handle;
            c.handle = sourceProcess;
            if (a.size() > 3) {
                Long access = access(a.get(3));
                if (access == null) {
                    return "Syntax error at '" + a.get(3) + "': expected an access mask such as PROCESS_TERMINATE or 0 with DUPLICATE_SAME_ACCESS";
                }
                c.value = access;
            }
            if (a.size() > 4) {
                Boolean inherit = bool(a.get(4));
                if (inherit == null) {
                    return "Syntax error at '" + a.get(4) + "': expected bInheritHandle TRUE or FALSE";
                }
                c.inherit = inherit;
            }
            if (a.size() > 5) {
                Long options = flagWords(a.get(5), Map.of("DUPLICATE_CLOSE_SOURCE", 1L, "DUPLICATE_SAME_ACCESS", 2L));
                if (options == null || (options & ~3L) != 0) {
                    return "Syntax error at '" + a.get(5) + "': expected options DUPLICATE_CLOSE_SOURCE|DUPLICATE_SAME_ACCESS (0x1, 0x2)";
                }
                c.options = options;
            }
            return null;
        }, () -> HandleApis.MODERN.duplicateHandle());
        handleApi("GetHandleInformation", ApiSpec.Returns.BOOL, () -> HandleApis.MODERN.getHandleInformation(), false);
        add("SetHandleInformation", "<handle> <mask> <flags>", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() != 3) {
                return "SetHandleInformation takes <handle> <mask> <flags>, e.g. SetHandleInformation 0x1c HANDLE_FLAG_INHERIT HANDLE_FLAG_INHERIT";
            }
            String err = handle(a.get(0), c, true);
            if (err != null) {
                return err;
            }
            Map<String, Long> names = Map.of("HANDLE_FLAG_INHERIT", 1L, "HANDLE_FLAG_PROTECT_FROM_CLOSE", 2L);
            Long mask = flagWords(a.get(1), names);
            Long flags = flagWords(a.get(2), names);
            if (mask == null || flags == null) {
                return "Syntax error at '" + (mask == null ? a.get(1) : a.get(2)) + "': expected HANDLE_FLAG_INHERIT, 0 or a number";
            }
            if (((mask | flags) & ~HandleApis.HANDLE_FLAG_INHERIT) != 0) {
                return "Syntax error at '" + a.get(1) + " " + a.get(2) + "': this machine models HANDLE_FLAG_INHERIT (0x1) only, not HANDLE_FLAG_PROTECT_FROM_CLOSE";
            }
            c.mask = mask;
            c.value = flags;
            return null;
        }, () -> HandleApis.MODERN.setHandleInformation());
        handleApi("GetPriorityClass", ApiSpec.Returns.DWORD, () -> HandleApis.MODERN.getPriorityClass(), false);
        add("SetPriorityClass", "<hProcess> <class>", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() != 2) {
                return "SetPriorityClass takes <hProcess> <class>, e.g. SetPriorityClass $hProcess HIGH_PRIORITY_CLASS";
            }
            String err = handle(a.get(0), c, true);
            if (err != null) {
                return err;
            }
            String[] bad = new String[1];
            Long value = CreationFlags.parse(a.get(1), bad);
            if (value == null) {
                return "Syntax error at '" + a.get(1) + "': expected a class such as IDLE_PRIORITY_CLASS or 0x80";
            }
            c.value = value;
            return null;
        }, () -> HandleApis.MODERN.setPriorityClass());
        add("NtSuspendProcess", "<hProcess>", ApiSpec.Returns.NTSTATUS, false,
                (a, c) -> a.size() != 1 ? "NtSuspendProcess takes one <hProcess>" : handle(a.get(0), c, true), () -> HandleApis.NtSuspendProcessNative);
        add("NtResumeProcess", "<hProcess>", ApiSpec.Returns.NTSTATUS, false,
                (a, c) -> a.size() != 1 ? "NtResumeProcess takes one <hProcess>" : handle(a.get(0), c, true), () -> HandleApis.NtResumeProcessNative);
        add("WaitForDebugEvent", "[0|INFINITE]", ApiSpec.Returns.BOOL, false,
                (a, c) -> a.size() > 1 ? "WaitForDebugEvent takes [0|INFINITE]" : a.isEmpty() ? null : timeout(a.get(0), c),
                () -> DebugApi.WaitForDebugEvent);
        add("ContinueDebugEvent", "<pid> <tid> [DBG_CONTINUE|DBG_EXCEPTION_NOT_HANDLED]", ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.size() < 2 || a.size() > 3) {
                return "ContinueDebugEvent takes <pid> <tid> [DBG_CONTINUE|DBG_EXCEPTION_NOT_HANDLED], e.g. ContinueDebugEvent 0x54 0x58";
            }
            Long pid = Numbers.parse(a.get(0));
            Long tid = Numbers.parse(a.get(1));
            if (pid == null || pid < 0) {
                return "Syntax error at '" + a.get(0) + "': expected a process ID";
            }
            if (tid == null || tid < 0) {
                return "Syntax error at '" + a.get(1) + "': expected a thread ID";
            }
            c.pid = pid;
            c.value = tid;
            String status = a.size() == 3 ? a.get(2) : "DBG_CONTINUE";
            Long code = status.equalsIgnoreCase("DBG_CONTINUE") ? (Long) DebugEvents.DBG_CONTINUE
                    : status.equalsIgnoreCase("DBG_EXCEPTION_NOT_HANDLED") ? (Long) DebugEvents.DBG_EXCEPTION_NOT_HANDLED : Numbers.parse(status);
            if (code == null) {
                return "Syntax error at '" + status + "': expected DBG_CONTINUE, DBG_EXCEPTION_NOT_HANDLED or a number";
            }
            c.flags = code;
            return null;
        }, () -> DebugApi.ContinueDebugEvent);
        codeApi("ExitProcess", () -> Win32Api.ExitProcess);
        codeApi("ExitThread", () -> Win32Api.ExitThread);
        add("GetLastError", "", ApiSpec.Returns.DWORD, false, (a, c) -> a.isEmpty() ? null : "GetLastError takes no arguments",
                () -> Win32Api.GetLastError);
        add("CreateEventW", "", ApiSpec.Returns.HANDLE, false, (a, c) -> a.isEmpty() ? null : "CreateEventW takes no arguments",
                () -> Win32Api.CreateEventW);
        add("LogonUserW", "<user>", ApiSpec.Returns.HANDLE, false, (a, c) -> {
            if (a.size() != 1 || !a.get(0).matches("[A-Za-z][A-Za-z0-9_.-]{0,19}")) {
                return "LogonUserW takes one user name (letters, digits, _ . -)";
            }
            c.user = a.get(0);
            return null;
        }, () -> Win32Api.LogonUserW);
        handleApi("NtClose", ApiSpec.Returns.NTSTATUS, () -> Win32Api.NtCloseNative, true);
        handleApi("NtWaitForSingleObject", ApiSpec.Returns.NTSTATUS, () -> Win32Api.NtWaitNative, true);
        add("NtLoadDriver", "<DriverServiceName>", ApiSpec.Returns.NTSTATUS, false, (a, c) -> {
            if (a.size() != 1 || a.get(0).isBlank()) {
                return "NtLoadDriver takes one service key, e.g. NtLoadDriver \\Registry\\Machine\\System\\CurrentControlSet\\Services\\procmon";
            }
            if (a.get(0).length() > 32_767) {
                // DriverServiceName is a UNICODE_STRING: its USHORT Length holds no more
                return "NtLoadDriver's DriverServiceName is a UNICODE_STRING, at most 32767 characters (this one has " + a.get(0).length() + ")";
            }
            c.path = a.get(0);
            return null;
        }, () -> Win32Api.NtLoadDriverNative);
        add("NtCreateEvent", "", ApiSpec.Returns.HANDLE, true, (a, c) -> a.isEmpty() ? null : "NtCreateEvent takes no arguments",
                () -> Win32Api.NtCreateEventNative);
        add("NtCreateProcessEx", "<ParentProcess> <Flags> <SectionHandle>", ApiSpec.Returns.NTSTATUS, false, (a, c) -> {
            if (a.size() != 3) {
                // without a section NtCreateProcessEx clones the parent's address space, which the machine does not model
                return "NtCreateProcessEx takes <ParentProcess> <Flags> <SectionHandle> (a section is required: the clone of a parent's address space is not modelled)";
            }
            return parentAndSection(a, c, () -> {
                String err = number(a.get(1), c);
                if (err == null) {
                    c.flags = c.value;
                }
                return err;
            });
        }, () -> NativeProcessApis.NtCreateProcessExNative);
        // the older service (seed 000's nt!NtCreateProcess): a BOOLEAN InheritObjectTable instead of NtCreateProcessEx's flags
        add("NtCreateProcess", "<ParentProcess> <InheritObjectTable> <SectionHandle>", ApiSpec.Returns.NTSTATUS, false, (a, c) -> {
            if (a.size() != 3) {
                return "NtCreateProcess takes <ParentProcess> <InheritObjectTable> <SectionHandle> (a section is required: the clone of a parent's address space is not modelled)";
            }
            return parentAndSection(a, c, () -> {
                Boolean inherit = bool(a.get(1));
                if (inherit == null) {
                    return "Syntax error at '" + a.get(1) + "': InheritObjectTable is TRUE or FALSE";
                }
                c.inherit = inherit;
                return null;
            });
        }, () -> NativeProcessApis.NtCreateProcessNative);
        add("NtSetSystemInformation", "SystemStoreInformation", ApiSpec.Returns.NTSTATUS, false,
                (a, c) -> a.size() == 1 && a.get(0).equals("SystemStoreInformation") ? null
                        : "NtSetSystemInformation takes SystemStoreInformation (the only information class the machine has)",
                () -> NativeProcessApis.NtSetSystemInformationNative);
        classic("NtCreateProcessEx", () -> NativeProcessApis.NtCreateProcessExNativeClassic);
        classic("NtCreateProcess", () -> NativeProcessApis.NtCreateProcessNativeClassic);
        classic("NtSetSystemInformation", () -> NativeProcessApis.NtSetSystemInformationNativeClassic);
        classic("CreateProcessW", () -> Kernel32.CreateProcessW);
        classic("CreateProcessA", () -> Kernel32.CreateProcessA);
        classic("CreateProcessAsUserW", () -> Kernel32.CreateProcessAsUserW);
        classic("CreateProcessWithLogonW", () -> LogonCreation.CLASSIC.withLogon());
        classic("CreateProcessWithTokenW", () -> LogonCreation.CLASSIC.withToken());
        classic("RtlCreateUserProcess", () -> ClassicNtdll.SmpExecuteImage);
        classic("TerminateProcess", () -> Kernel32Api.TerminateProcess);
        classic("CloseHandle", () -> Kernel32Api.CloseHandle);
        classic("ResumeThread", () -> Kernel32Api.ResumeThread);
        classic("SuspendThread", () -> Kernel32Api.SuspendThread);
        classic("GetExitCodeProcess", () -> Kernel32Api.GetExitCodeProcess);
        classic("WaitForSingleObject", () -> Kernel32Api.WaitForSingleObject);
        classic("WaitForSingleObjectEx", () -> AlertableWaits.WaitForSingleObjectExClassic);
        classic("OpenProcess", () -> Kernel32Api.OpenProcess);
        classic("WaitForDebugEvent", () -> DebugApi.WaitForDebugEventClassic);
        classic("ContinueDebugEvent", () -> DebugApi.ContinueDebugEventClassic);
        classic("ExitProcess", () -> Kernel32Api.ExitProcess);
        classic("ExitThread", () -> Kernel32Api.ExitThread);
        classic("GetLastError", () -> Kernel32Api.GetLastError);
        classic("CreateEventW", () -> Kernel32Api.CreateEventW);
        classic("CreateThread", () -> ThreadApi.CreateThreadClassic);
        classic("ShellExecuteExW", () -> ShellLaunch.ShellExecuteExClassic);
        classic("CreateRemoteThread", () -> ThreadApi.CreateRemoteThreadClassic);
        classic("TerminateThread", () -> ThreadApi.TerminateThreadClassic);
        classic("GetExitCodeThread", () -> ThreadApi.GetExitCodeThreadClassic);
        classic("GetThreadPriority", () -> ThreadApi.GetThreadPriorityClassic);
        classic("SetThreadPriority", () -> ThreadApi.SetThreadPriorityClassic);
        classic("DuplicateHandle", () -> HandleApis.CLASSIC.duplicateHandle());
        classic("GetHandleInformation", () -> HandleApis.CLASSIC.getHandleInformation());
        classic("SetHandleInformation", () -> HandleApis.CLASSIC.setHandleInformation());
        classic("GetPriorityClass", () -> HandleApis.CLASSIC.getPriorityClass());
        classic("SetPriorityClass", () -> HandleApis.CLASSIC.setPriorityClass());
        for (String op : GuestPrograms.OPS) {
            add(op, "", ApiSpec.Returns.DWORD, true, (a, c) -> a.isEmpty() ? null : op + " takes no arguments", () -> GuestPrograms.op(op));
        }
        // the crash path's filter and system call are XP's too
        classic("WriteNullPointer", () -> Kernel32Api.KiUserExceptionDispatcher);
    }

    private Apis() {
    }

    public static ApiSpec find(String name) {
        return SPECS.get(name);
    }

    /** APIs the console may call, for error messages. */
    public static String callableNames() {
        StringBuilder sb = new StringBuilder();
        for (ApiSpec spec : SPECS.values()) {
            if (!spec.guestOnly()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(spec.name());
            }
        }
        return sb.toString();
    }

    private static void add(String name, String usage, ApiSpec.Returns returns, boolean guestOnly, ApiSpec.ArgParser parser, Supplier<Routine> entry) {
        SPECS.put(name, new ApiSpec(name, usage, returns, guestOnly, parser, entry, null));
    }

    /** An API whose Windows XP code path differs: the classic profile enters {@code classic}. */
    private static void classic(String name, Supplier<Routine> classic) {
        ApiSpec s = SPECS.get(name);
        SPECS.put(name, new ApiSpec(s.name(), s.usage(), s.returns(), s.guestOnly(), s.parser(), s.entry(), classic));
    }

    private static void creation(String name, Supplier<Routine> entry) {
        add(name, "<path> [flags] [lpApplicationName=] [lpCommandLine=] [lpCurrentDirectory=] [lpEnvironment=A=1;B=2] [bInheritHandles=TRUE]"
                + " [lpDesktop=] [lpTitle=] [dwFlags=STARTF_*] [wShowWindow=SW_*] [hStdInput=] [hStdOutput=] [hStdError=]",
                ApiSpec.Returns.BOOL, false, (a, c) -> {
            if (a.isEmpty()) {
                return name + " takes <path> [flags] [NAME=value ...], e.g. " + name + " C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED";
            }
            String err = pathAndFlags(a, c);
            return err == null ? null : err.startsWith("Syntax error") ? err
                    : name + " takes <path> [flags] [NAME=value ...], e.g. " + name + " C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED";
        }, entry);
    }

    private static void handleApi(String name, ApiSpec.Returns returns, Supplier<Routine> entry, boolean guestOnly) {
        add(name, "<handle>", returns, guestOnly, (a, c) -> a.size() != 1 ? name + " takes one <handle>" : handle(a.get(0), c, true), entry);
    }

    private static void codeApi(String name, Supplier<Routine> entry) {
        add(name, "<exitcode>", ApiSpec.Returns.NONE, false, (a, c) -> a.size() != 1 ? name + " takes one <exitcode>" : number(a.get(0), c), entry);
    }

    /** The CreateProcess parameters a .call may name, as NAME=value words after the path and flags. */
    static final List<String> CREATE_KEYWORDS = List.of("lpApplicationName", "lpCommandLine", "lpCurrentDirectory", "lpEnvironment",
            "bInheritHandles", "dwCreationFlags", "lpDesktop", "lpTitle", "dwFlags", "wShowWindow", "hStdInput", "hStdOutput", "hStdError");
    private static final Map<String, Long> SHOW_WINDOW = Map.of("SW_HIDE", 0L, "SW_SHOWNORMAL", 1L, "SW_NORMAL", 1L, "SW_SHOWMINIMIZED", 2L,
            "SW_SHOWMAXIMIZED", 3L, "SW_SHOWNOACTIVATE", 4L, "SW_SHOW", 5L, "SW_MINIMIZE", 6L, "SW_SHOWMINNOACTIVE", 7L,
            "SW_SHOWDEFAULT", 10L);
    private static final Map<String, Long> STARTF = Map.of("STARTF_USESHOWWINDOW", 0x1L, "STARTF_USESIZE", 0x2L, "STARTF_USEPOSITION", 0x4L,
            "STARTF_FORCEONFEEDBACK", 0x40L, "STARTF_FORCEOFFFEEDBACK", 0x80L, "STARTF_USESTDHANDLES", 0x100L,
            "STARTF_USEHOTKEY", 0x200L, "STARTF_SHELLPRIVATE", 0x400L);

    /**
     * {@code <path> [flags]} as before, then CreateProcess's other parameters as NAME=value words
     * (see {@link #CREATE_KEYWORDS}). The old path is lpCommandLine with lpApplicationName NULL; with
     * lpCommandLine= or lpApplicationName= the path may be left out. wShowWindow= sets
     * STARTF_USESHOWWINDOW and hStd*= set STARTF_USESTDHANDLES, as a program filling STARTUPINFO would.
     */
    private static String pathAndFlags(List<String> words, ApiCall c) {
        List<String> a = new ArrayList<>();
        boolean keywords = false;
        for (String w : words) {
            int eq = w.indexOf('=');
            String key = eq > 0 ? keyword(w.substring(0, eq)) : null;
            if (key == null) {
                if (keywords) {
                    return "Syntax error at '" + w + "': after NAME=value parameters only more of them may follow ("
                            + String.join(", ", CREATE_KEYWORDS) + ")";
                }
                a.add(w);
                continue;
            }
            keywords = true;
            String err = createKeyword(key, w.substring(eq + 1), c);
            if (err != null) {
                return err;
            }
        }
        boolean named = c.path != null || c.applicationNameGiven;
        if (a.size() > 2 || a.isEmpty() && !named) {
            return "expected <path> [flags] [NAME=value ...]";
        }
        if (!a.isEmpty()) {
            if (c.path != null) {
                return "Syntax error at '" + a.get(0) + "': the command line is given twice (the path and lpCommandLine=)";
            }
            if (a.get(0).isBlank()) {
                return "Syntax error at '': expected an image path";
            }
            c.path = a.get(0);
        }
        if (a.size() == 2) {
            String[] bad = new String[1];
            Long flags = CreationFlags.parse(a.get(1), bad);
            if (flags == null) {
                return "Syntax error at '" + bad[0] + "': expected creation flags such as CREATE_SUSPENDED|HIGH_PRIORITY_CLASS or 0x4";
            }
            c.flags |= flags;
        }
        return null;
    }

    /** Takes dwLogonFlags=LOGON_WITH_PROFILE|LOGON_NETCREDENTIALS_ONLY (or a number) out of the words into {@code options}. */
    private static String logonFlags(List<String> words, ApiCall c) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.regionMatches(true, 0, "dwLogonFlags=", 0, 13)) {
                Long flags = flagWords(w.substring(13), Map.of("LOGON_WITH_PROFILE", LogonCreation.LOGON_WITH_PROFILE,
                        "LOGON_NETCREDENTIALS_ONLY", LogonCreation.LOGON_NETCREDENTIALS_ONLY));
                if (flags == null) {
                    return "Syntax error at '" + w + "': expected dwLogonFlags=LOGON_WITH_PROFILE, LOGON_NETCREDENTIALS_ONLY or a number";
                }
                c.options = flags;
                words.remove(i);
                return null;
            }
        }
        return null;
    }

    private static String keyword(String name) {
        for (String k : CREATE_KEYWORDS) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    private static String createKeyword(String key, String value, ApiCall c) {
        com.ntprocesslab.kernel.mm.StartupParameters s = c.startup != null ? c.startup : (c.startup = new com.ntprocesslab.kernel.mm.StartupParameters());
        switch (key) {
            case "lpApplicationName" -> {
                c.applicationName = value.equalsIgnoreCase("NULL") ? null : value;
                c.applicationNameGiven = c.applicationName != null;
            }
            case "lpCommandLine" -> c.path = value.equalsIgnoreCase("NULL") ? null : value;
            case "lpCurrentDirectory" -> s.currentDirectory = value.equalsIgnoreCase("NULL") ? null : value;
            case "lpEnvironment" -> {
                List<String> strings = value.isEmpty() ? List.of() : List.of(value.split(";"));
                // the block ends at its first empty string (two NULs in a row): an empty one inside would cut it short
                if (strings.contains("")) {
                    return "Syntax error at '" + value + "': an environment string is empty (an empty string ends the block);"
                            + " expected lpEnvironment=NAME=value;NAME=value";
                }
                s.environment = strings;
            }
            case "lpDesktop" -> s.desktop = value;
            case "lpTitle" -> s.title = value;
            case "bInheritHandles" -> {
                Boolean b = bool(value);
                if (b == null) {
                    return "Syntax error at '" + value + "': expected bInheritHandles=TRUE or FALSE";
                }
                c.inherit = b;
            }
            case "dwCreationFlags" -> {
                String[] bad = new String[1];
                Long flags = CreationFlags.parse(value, bad);
                if (flags == null) {
                    return "Syntax error at '" + bad[0] + "': expected creation flags such as CREATE_SUSPENDED or 0x4";
                }
                c.flags |= flags;
            }
            case "dwFlags" -> {
                Long flags = flagWords(value, STARTF);
                if (flags == null) {
                    return "Syntax error at '" + value + "': expected STARTF_* flags such as STARTF_USESHOWWINDOW|STARTF_USESTDHANDLES";
                }
                s.flags |= flags;
            }
            case "wShowWindow" -> {
                Long show = flagWords(value, SHOW_WINDOW);
                if (show == null || show > 0xFFFF) {
                    return "Syntax error at '" + value + "': expected an SW_* value such as SW_HIDE or SW_SHOWMINIMIZED";
                }
                s.showWindow = show;
                s.flags |= com.ntprocesslab.kernel.mm.StartupParameters.STARTF_USESHOWWINDOW;
            }
            default -> {
                Long h = Numbers.parse(value);
                if (h == null) {
                    return "Syntax error at '" + value + "': expected a handle for " + key;
                }
                switch (key) {
                    case "hStdInput" -> s.stdInput = h;
                    case "hStdOutput" -> s.stdOutput = h;
                    default -> s.stdError = h;
                }
                s.flags |= com.ntprocesslab.kernel.mm.StartupParameters.STARTF_USESTDHANDLES;
            }
        }
        return null;
    }

    /** lpStartAddress as a thread procedure's name, then the creation flags (only CREATE_SUSPENDED means anything to a thread). */
    private static String startAndFlags(List<String> a, ApiCall c) {
        if (!a.get(0).matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            return "Syntax error at '" + a.get(0) + "': expected the name of a thread procedure of the image, e.g. Worker";
        }
        c.startRoutine = a.get(0);
        if (a.size() == 2) {
            String[] bad = new String[1];
            Long flags = CreationFlags.parse(a.get(1), bad);
            if (flags == null) {
                return "Syntax error at '" + bad[0] + "': expected CREATE_SUSPENDED or 0x4";
            }
            c.flags = flags;
        }
        return null;
    }

    /**
     * NtCreateProcess(Ex)'s <ParentProcess> <...> <SectionHandle>: the parent into {@code handle},
     * the middle argument by {@code middle}, the section (required) into {@code value}.
     */
    private static String parentAndSection(List<String> a, ApiCall c, java.util.function.Supplier<String> middle) {
        String err = handle(a.get(0), c, true);
        if (err != null) {
            return err;
        }
        long parent = c.handle;
        err = middle.get();
        if (err != null) {
            return err;
        }
        err = handle(a.get(2), c, false);
        if (err != null) {
            return err;
        }
        c.value = c.handle;
        c.handle = parent;
        return c.value == 0 ? "Syntax error at '" + a.get(2) + "': a section handle is required" : null;
    }

    private static String handle(String text, ApiCall c, boolean allowPseudo) {
        Long value = Numbers.parse(text);
        if (value == null || (value < 0 && !allowPseudo)) {
            return "Syntax error at '" + text + "': expected a handle such as 1c (hex, as 0x1c), 0n28 or -1";
        }
        c.handle = value;
        return null;
    }

    private static String number(String text, ApiCall c) {
        Long value = Numbers.parse(text);
        if (value == null || value < 0 || value > 0xFFFFFFFFL) {
            return "Syntax error at '" + text + "': expected a 32-bit number such as 3 or 0xc0000005";
        }
        c.value = value;
        return null;
    }

    private static String timeout(String text, ApiCall c) {
        if (text.equalsIgnoreCase("INFINITE")) {
            c.timeout = ApiCall.INFINITE;
            return null;
        }
        Long value = Numbers.parse(text);
        if (value == null || value < 0 || value > ApiCall.INFINITE) {
            return "Syntax error at '" + text + "': expected a timeout in milliseconds (a 32-bit number) or INFINITE";
        }
        c.timeout = value;
        return null;
    }

    /** TRUE/FALSE (or 1/0) for a BOOL parameter; null when it is neither. */
    static Boolean bool(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "TRUE", "1" -> Boolean.TRUE;
            case "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** NAME|NAME|0x4 with the given names; null when a part is neither a name nor a number. */
    static Long flagWords(String text, Map<String, Long> names) {
        long value = 0;
        for (String part : text.split("\\|", -1)) {
            Long named = names.get(part.toUpperCase(Locale.ROOT));
            Long number = named != null ? named : Numbers.parse(part);
            if (number == null || number < 0) {
                return null;
            }
            value |= number;
        }
        return value;
    }

    static Long access(String text) {
        long value = 0;
        for (String part : text.split("\\|", -1)) {
            Long named = ACCESS_NAMES.get(part.toUpperCase(Locale.ROOT));
            Long number = named != null ? named : Numbers.parse(part);
            if (number == null || number < 0) {
                return null;
            }
            value |= number;
        }
        return value;
    }
}
