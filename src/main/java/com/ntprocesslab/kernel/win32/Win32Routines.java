package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.csr.FastSystemCall;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import com.ntprocesslab.kernel.io.DefaultVolume;
import com.ntprocesslab.kernel.io.VolumeFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-mode libraries' routines (ntdll, KERNELBASE or kernel32, the API wrappers) and the
 * entry point of every program on the default volume, as that profile's loader starts it.
 */
public final class Win32Routines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of(Ntdll.RtlExitUserThread, Ntdll.RtlExitUserProcess, Ntdll.LdrShutdownProcess,
                Ntdll.NtTerminateProcessStub, Ntdll.NtTerminateThreadStub,
                Win32Api.LogonUserW, Win32Api.NtCloseNative, Win32Api.NtWaitNative, Win32Api.NtCreateEventNative,
                Win32Api.NtLoadDriverNative, Win32Api.NtLoadDriverStub,
                Win32Api.NtCloseStub, Win32Api.NtWaitForSingleObjectStub, Win32Api.NtCreateEventStub, Win32Api.NtCreateTokenStub,
                GuestPrograms.CmdRunBatch, HandleApis.NtSuspendProcessStub, HandleApis.NtResumeProcessStub,
                HandleApis.NtSuspendProcessNative, HandleApis.NtResumeProcessNative);
    }

    /** XP SP3's advapi32 exports CreateProcessAsUserSecure, which kernel32 looks up and never calls (seed 003). */
    @Override
    public List<String> exportsOnly(Profile profile) {
        return profile == Profile.CLASSIC ? List.of("advapi32!CreateProcessAsUserSecure") : List.of();
    }

    @Override
    public List<Routine> only(Profile profile) {
        List<Routine> routines = new ArrayList<>(switch (profile) {
            case MODERN -> List.of(KernelBase.CreateProcessWStub, KernelBase.CreateProcessW, KernelBase.CreateProcessInternalW,
                    KernelBase.CreateProcessA, KernelBase.CreateProcessInternalA, KernelBase.CreateProcessAsUserW,
                    KernelBase.RtlCreateUserProcess, KernelBase.NtCreateUserProcessStub, KernelBase.CsrClientCallServer,
                    Ntdll.LdrInitializeThunk, Ntdll.LdrpInitializeProcess, Ntdll.KernelBaseDllInitialize, Ntdll.RtlUserThreadStart, Ntdll.BaseThreadInitThunk,
                    Win32Api.RtlCreateUserProcessEntry, KernelBase.NtResumeThreadStub,
                    Win32Api.CloseHandle, Win32Api.TerminateProcess, Win32Api.ResumeThread, Win32Api.SuspendThread,
                    Win32Api.OpenProcess, Win32Api.WaitForSingleObject, Win32Api.GetExitCodeProcess, Win32Api.CreateEventW,
                    Win32Api.ExitProcess, Win32Api.ExitThread, Win32Api.GetLastError, Ntdll.KiUserExceptionDispatcher,
                    Win32Api.NtOpenProcessStub, Win32Api.NtQueryInformationProcessStub, Win32Api.NtSuspendThreadStub,
                    DebugApi.WaitForDebugEvent, DebugApi.ContinueDebugEvent, DbgUi.DbgUiConnectToDbg, DbgUi.NtCreateDebugObjectStub, DebugApi.NtWaitForDebugEventStub, DebugApi.NtDebugContinueStub);
            case CLASSIC -> List.of(Kernel32.CreateProcessW, Kernel32.CreateProcessInternalW, Kernel32.CreateProcessA,
                    Kernel32.CreateProcessInternalA, Kernel32.CreateProcessAsUserW, Kernel32.BaseProcessStartThunk,
                    Kernel32.BaseProcessStart, Kernel32.BasepIsProcessAllowed, Kernel32.NtOpenKeyStub, Kernel32.GetProcAddress,
                    Kernel32.BasepSxsCreateProcessCsrMessage, Kernel32.BasepSxsGetProcessImageBaseAddress, Kernel32.NtReadVirtualMemoryStub,
                    Kernel32.NtWriteVirtualMemoryStub, Kernel32.NtRaiseHardErrorStub, Kernel32.StuffStdHandle,
                    ClassicNtdll.NtOpenFileStub, ClassicNtdll.NtCreateSectionStub, ClassicNtdll.NtQuerySectionStub,
                    ClassicNtdll.NtCreateProcessExStub, ClassicNtdll.NtCreateProcessStub, ClassicNtdll.NtSetInformationProcessStub, ClassicNtdll.NtCreateThreadStub,
                    ClassicNtdll.NtResumeThreadStub, ClassicNtdll.NtTerminateProcessStub, ClassicNtdll.CsrClientCallServer,
                    ClassicNtdll.RtlCreateUserThread, ClassicNtdll.RtlCreateUserProcess, ClassicNtdll.SmpExecuteImage,
                    ClassicNtdll.LdrInitializeThunk, ClassicNtdll.KiUserApcDispatcher, Ntdll.LdrpInitializeProcessClassic, Ntdll.BaseDllInitialize,
                    Kernel32Api.CloseHandle, Kernel32Api.TerminateProcess, Kernel32Api.ResumeThread, Kernel32Api.SuspendThread,
                    Kernel32Api.OpenProcess, Kernel32Api.WaitForSingleObject, Kernel32Api.GetExitCodeProcess,
                    Kernel32Api.CreateEventW, Kernel32Api.GetLastError, Kernel32Api.ExitProcess, Kernel32Api.ExitThread,
                    Kernel32Api.NtCloseStub, Kernel32Api.NtOpenProcessStub, Kernel32Api.NtWaitForSingleObjectStub,
                    Kernel32Api.NtQueryInformationProcessStub, Kernel32Api.NtCreateEventStub, Kernel32Api.NtSuspendThreadStub,
                    Kernel32Api.NtTerminateThreadStub, Kernel32Api.KiUserExceptionDispatcher,
                    DebugApi.WaitForDebugEventClassic, DebugApi.ContinueDebugEventClassic,
                    DbgUi.DbgUiConnectToDbgClassic, DbgUi.NtCreateDebugObjectClassicStub,
                    DebugApi.NtWaitForDebugEventClassicStub, DebugApi.NtDebugContinueClassicStub);
        });
        routines.addAll(profile == Profile.CLASSIC ? ThreadApi.classic() : ThreadApi.modern());
        if (profile == Profile.CLASSIC) {
            routines.addAll(FastSystemCall.routines());
        }
        if (profile == Profile.MODERN) {
            routines.addAll(ShellLaunch.routines());
        } else {
            routines.add(ShellLaunch.ShellExecuteExClassic);
        }
        routines.addAll(HandleApis.of(profile == Profile.CLASSIC).routines());
        routines.addAll(AlertableWaits.routines(profile));
        routines.addAll((profile == Profile.CLASSIC ? LogonCreation.CLASSIC : LogonCreation.MODERN).routines());
        routines.addAll(profile == Profile.CLASSIC
                ? List.of(NativeProcessApis.NtCreateProcessExNativeClassic, NativeProcessApis.NtSetSystemInformationNativeClassic,
                        NativeProcessApis.NtSetSystemInformationClassicStub, NativeProcessApis.NtCreateProcessNativeClassic)
                : List.of(NativeProcessApis.NtCreateProcessExNative, NativeProcessApis.NtCreateProcessExStub,
                        NativeProcessApis.NtSetSystemInformationNative, NativeProcessApis.NtSetSystemInformationStub,
                        NativeProcessApis.NtCreateProcessNative, NativeProcessApis.NtCreateProcessStub));
        for (VolumeFile file : DefaultVolume.create(profile).files()) {
            if (file.isImage() && !file.image().dll()) {
                routines.add(GuestPrograms.entryForFile(file, profile));
                for (String procedure : GuestPrograms.procedures(file)) {
                    routines.add(GuestPrograms.procedureForFile(file, procedure, profile));
                }
            }
        }
        return routines;
    }
}
