package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How explorer starts a program from a shortcut (seed 000, Windows 10): the shell does not run
 * the verb on the thread that asked. SHELL32 hands it to a new thread (shcore!SHCreateThread,
 * which is CreateThread with shcore!_WrapperThreadProc as start routine), and returns; the
 * worker runs s_DoInvokeVerb -> SHInvokeCommandOnContextMenu2 -> the folder's context menu
 * (CDefFolderMenu, HDXA_LetHandlerProcessCommandEx) -> the shortcut (CShellLink resolves its
 * target) -> the context menu of the target's registry verbs -> RegDataDrivenCommand ->
 * CBindAndInvokeStaticVerb -> CInvokeCreateProcessVerb, which calls CreateProcessW. The frames
 * and their return offsets are seed 000's {@code k}, bottom to top; ShellExecuteEx with
 * SEE_MASK_ASYNCOK is the documented form of this (MS docs SHELLEXECUTEINFOW: "the execution
 * can be performed on a background thread and the call should return immediately").
 *
 * <p>Not modelled: shell32, shcore and windows.storage are symbols only (explorer's loader
 * list does not name them), and the verb is always "open" on a .lnk whose file holds the target path.
 */
public final class ShellLaunch {
    private ShellLaunch() {
    }

    public static final String WRAPPER_THREAD_PROC = "shcore!_WrapperThreadProc";
    static final long ERROR_CALL_NOT_IMPLEMENTED = 120;
    static final long STATUS_NOT_IMPLEMENTED = 0xC0000002L;

    /** Seed 000's frames from the worker's start routine up to the one that calls KERNEL32!CreateProcessWStub, with their return offsets. */
    private static final String[][] CHAIN = {
        {WRAPPER_THREAD_PROC, "e9"},
        {"SHELL32!s_DoInvokeVerb", "c9"},
        {"SHELL32!SHInvokeCommandOnContextMenu2", "1f5"},
        {"SHELL32!CDefFolderMenu::InvokeCommand", "13d"},
        {"SHELL32!HDXA_LetHandlerProcessCommandEx", "10c"},
        {"windows_storage!CShellLink::InvokeCommand", "1aa"},
        {"windows_storage!CShellLink::_ResolveAndInvoke", "202"},
        {"windows_storage!CShellLink::_InvokeDirect", "1d0"},
        {"SHELL32!CDefFolderMenu::InvokeCommand", "13d"},
        {"SHELL32!HDXA_LetHandlerProcessCommandEx", "10c"},
        {"SHELL32!CRegistryVerbsContextMenu::InvokeCommand", "aa"},
        {"SHELL32!CRegistryVerbsContextMenu::_Execute", "ce"},
        {"windows_storage!RegDataDrivenCommand::_Invoke", "141"},
        {"windows_storage!RegDataDrivenCommand::_TryInvokeAssociation", "ad"},
        {"windows_storage!CBindAndInvokeStaticVerb::Execute", "1e7"},
        {"windows_storage!CBindAndInvokeStaticVerb::TryCreateProcessDdeHandler", "63"},
        {"windows_storage!CBindAndInvokeStaticVerb::InitAndCallExecute", "214"},
        {"windows_storage!CInvokeCreateProcessVerb::Execute", "5d"},
        {"windows_storage!CInvokeCreateProcessVerb::Launch", "ef"},
        {"windows_storage!CInvokeCreateProcessVerb::_TryCreateProcess", "3c"},
        {"windows_storage!CInvokeCreateProcessVerb::_PrepareAndCallCreateProcess", "2d6"},
    };
    private static final String CALL_CREATE_PROCESS = "windows_storage!CInvokeCreateProcessVerb::CallCreateProcess";

    /** The invocation as it travels down the chain: the shortcut, its target once resolved, how deep the calls are. */
    public static final class Invocation {
        public String link;
        public String target;
        int depth;
        ApiCall create;
        ApiCall close;
    }

    private static final Map<String, Routine> ROUTINES = new LinkedHashMap<>();

    static {
        for (String[] frame : CHAIN) {
            ROUTINES.computeIfAbsent(frame[0], symbol -> link(symbol, Integer.parseInt(frame[1], 16)));
        }
    }

    /** One frame of the chain: it calls the next frame of the invocation (a recursive one calls a different one the second time). */
    private static Routine link(String symbol, int returnOffset) {
        Routine.Builder<Subsystems, com.ntprocesslab.kernel.ps.EThread> b = Subsystems.win32Routine(symbol);
        if (symbol.equals(WRAPPER_THREAD_PROC)) {
            // lpParameter: the shortcut the thread is to open
            b.inline((k, t, f) -> StepResult.call(ROUTINES.get(CHAIN[1][0]), invocation(t.startParameter)))
                    .returnAt(returnOffset)
                    .inline((k, t, f) -> ret(f.calleeStatus));
            return b.build();
        }
        b.inline((k, t, f) -> {
            Invocation s = f.args(Invocation.class);
            if (symbol.equals("windows_storage!CShellLink::_ResolveAndInvoke")) {
                // IShellLink::Resolve: the shortcut's target path
                VolumeFile link = k.volume.find(s.link);
                s.target = link == null || link.content() == null ? null : link.content().trim();
                if (s.target == null || k.volume.find(s.target) == null) {
                    return ret(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
                }
            }
            s.depth++;
            return StepResult.call(s.depth < CHAIN.length ? ROUTINES.get(CHAIN[s.depth][0]) : CallCreateProcess, s);
        }).returnAt(returnOffset).inline((k, t, f) -> ret(f.calleeStatus));
        return b.build();
    }

    private static Invocation invocation(String link) {
        Invocation s = new Invocation();
        s.link = link;
        // _WrapperThreadProc has called CHAIN[1] already
        s.depth = 1;
        return s;
    }

    /** CInvokeCreateProcessVerb::CallCreateProcess: CreateProcessW on the target, then the handles it returned are closed. */
    static final Routine CallCreateProcess = Subsystems.win32Routine(CALL_CREATE_PROCESS)
            .inline((k, t, f) -> {
                Invocation s = f.args(Invocation.class);
                s.create = new ApiCall(Apis.find("CreateProcessW"), s.target);
                s.create.path = s.target;
                s.create.callerPid = t.process.uniqueProcessId;
                return StepResult.call(KernelBase.CreateProcessWStub, s.create);
            })
            .returnAt(0x2cd)
            .inline((k, t, f) -> {
                Invocation s = f.args(Invocation.class);
                if (s.create.returnValue == 0) {
                    return ret(s.create.status);
                }
                s.close = new ApiCall(Apis.find("CloseHandle"), "");
                s.close.handle = s.create.hThread;
                return StepResult.call(Win32Api.CloseHandle, s.close);
            })
            .inline((k, t, f) -> {
                Invocation s = f.args(Invocation.class);
                s.close = new ApiCall(Apis.find("CloseHandle"), "");
                s.close.handle = s.create.hProcess;
                return StepResult.call(Win32Api.CloseHandle, s.close);
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /** The start routine a CreateThread names by module: only the shell's thread procedure is one. */
    public static Routine startRoutine(String symbol) {
        return WRAPPER_THREAD_PROC.equals(symbol) ? ROUTINES.get(WRAPPER_THREAD_PROC) : null;
    }

    /**
     * SHELL32!ShellExecuteExW(SEE_MASK_ASYNCOK, "open", a .lnk): SHCreateThread starts the shell
     * worker on _WrapperThreadProc with the shortcut as its parameter and closes the thread
     * handle; the call returns TRUE at once, before anything is started.
     */
    static final Routine SHCreateThread = Subsystems.win32Routine("shcore!SHCreateThread")
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                ApiCall create = new ApiCall(Apis.find("CreateThread"), WRAPPER_THREAD_PROC);
                create.startRoutine = WRAPPER_THREAD_PROC;
                create.startParameter = call.path;
                create.callerPid = call.callerPid;
                call.nested = create;
                return StepResult.call(ThreadApi.CreateThread, create);
            })
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                ApiCall create = call.nested;
                if (create.returnValue == 0) {
                    return ret(create.status == 0 ? NtStatus.STATUS_INVALID_PARAMETER : create.status);
                }
                ApiCall close = new ApiCall(Apis.find("CloseHandle"), "");
                close.handle = create.returnValue;
                call.nested = close;
                return StepResult.call(Win32Api.CloseHandle, close);
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine ShellExecuteExW = Subsystems.win32Routine("SHELL32!ShellExecuteExW")
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                if (k.volume.find(call.path) == null) {
                    call.returnValue = 0;
                    LastError.set(t, call, Win32Error.ERROR_FILE_NOT_FOUND);
                    return ret(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
                }
                return next();
            })
            .call(SHCreateThread, (k, t, f) -> StepResult.call(SHCreateThread, f.args))
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                call.status = f.calleeStatus;
                call.returnValue = NtStatus.success(f.calleeStatus) ? 1 : 0;
                if (!NtStatus.success(f.calleeStatus)) {
                    LastError.BaseSetLastNTError(t, call, f.calleeStatus);
                }
                return ret(f.calleeStatus);
            })
            .build();

    /**
     * The XP machine models no shell: seeds 002 and 003 show no XP shell stack, so there is no
     * worker chain to follow. The call fails with ERROR_CALL_NOT_IMPLEMENTED and changes nothing.
     */
    static final Routine ShellExecuteExClassic = Subsystems.win32Routine("shell32!ShellExecuteExW")
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                call.returnValue = 0;
                LastError.set(t, call, ERROR_CALL_NOT_IMPLEMENTED);
                return ret(STATUS_NOT_IMPLEMENTED);
            })
            .build();


    static List<Routine> routines() {
        List<Routine> all = new ArrayList<>(ROUTINES.values());
        all.add(CallCreateProcess);
        all.add(SHCreateThread);
        all.add(ShellExecuteExW);
        return all;
    }
}
