package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.List;

/** The process manager's routines: creation of both profiles, resume and suspend, termination. */
public final class PsRoutines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of(ThreadCreation.NtSuspendThread,
                Termination.NtTerminateProcess, Termination.NtTerminateThread, Termination.PspTerminateThreadByPointer,
                Termination.PspExitThread, Termination.PspExitProcess,
                Termination.PsExitSpecialApc, Termination.KiDeliverApc,
                NotifyRoutines.PspSetCreateProcessNotifyRoutine, NotifyRoutines.PsSetCreateProcessNotifyRoutine,
                NotifyRoutines.PsSetCreateThreadNotifyRoutine, NotifyRoutines.PsSetLoadImageNotifyRoutine,
                NotifyRoutines.PspCallProcessNotifyRoutines, NotifyRoutines.PspCallThreadNotifyRoutines,
                NotifyRoutines.PsCallImageNotifyRoutines, NotifyRoutines.DbgkCreateThread,
                ThreadInformation.NtQueryInformationThread, ThreadInformation.NtSetInformationThread,
                ProcessSuspension.NtSuspendProcess, ProcessSuspension.NtResumeProcess, ProcessInformation.NtSetInformationProcess,
                ProcessDeletion.PspProcessDelete, ProcessDeletion.PspThreadDelete,
                DebugEvents.DbgkpSendApiMessage, DebugEvents.NtCreateDebugObject, DebugEvents.NtWaitForDebugEvent, DebugEvents.NtDebugContinue,
                StoreManager.NtSetSystemInformation);
    }

    @Override
    public List<Routine> only(Profile profile) {
        return switch (profile) {
            case MODERN -> List.of(NotifyRoutines.PsSetCreateProcessNotifyRoutineEx, NotifyRoutines.PsSetCreateProcessNotifyRoutineEx2,
                    ProcessCreation.NtCreateUserProcess, ProcessCreation.PspAllocateProcess,
                    ProcessCreation.PspInsertProcess, ThreadCreation.PspAllocateThread, ThreadCreation.PspInsertThread,
                    ThreadStartup.KiStartUserThread, ThreadStartup.PspUserThreadStartup, ThreadCreation.NtResumeThread,
                    PortServices.NtAlpcSendWaitReceivePort, ThreadCreation.NtCreateThreadEx, ThreadCreation.PspCreateThread,
                    PortServices.NtAlpcConnectPort, PortServices.NtAlpcAcceptConnectPort,
                    MinimalProcesses.NtCreateProcessEx, MinimalProcesses.PspCreateProcess, MinimalProcesses.PsCreateMinimalProcess,
                    StoreManager.SmSetStoreInformation, StoreManager.SmProcessCreateRequest, StoreManager.SmFirstTimeInit,
                    MinimalProcesses.NtCreateProcess);
            case CLASSIC -> List.of(ClassicProcessCreation.NtCreateProcessEx, ClassicProcessCreation.NtCreateProcess,
                    ClassicProcessCreation.PspCreateProcess, ClassicProcessCreation.MmCreatePeb,
                    ClassicProcessCreation.PspInitializeProcessSecurity, ClassicProcessCreation.MmInitializeProcessAddressSpace,
                    ClassicThreadCreation.NtCreateThread, ClassicThreadCreation.PspCreateThread, ClassicThreadCreation.KeInitThread,
                    ClassicThreadStartup.KiThreadStartup,
                    ThreadCreation.NtResumeThreadClassic, ThreadStartup.PspUserThreadStartupClassic,
                    SystemThreads.PsCreateSystemThread, SystemThreads.PspSystemThreadStartup,
                    ClassicThreadStartup.NtContinue, ProcessInformation.NtSetInformationThread,
                    ClassicProcessCreation.KeAttachProcess, ClassicProcessCreation.KiAttachProcess,
                    PortServices.NtRequestWaitReplyPort, PortServices.NtReplyWaitReceivePort,
                    PortServices.NtSecureConnectPort, PortServices.NtAcceptConnectPort, PortServices.NtCompleteConnectPort,
                    ClassicProcessCreation.PspMapSystemDll, com.ntprocesslab.kernel.mm.SectionViews.MmMapViewOfSection,
                    com.ntprocesslab.kernel.mm.VirtualMemory.NtReadVirtualMemory, com.ntprocesslab.kernel.mm.VirtualMemory.NtWriteVirtualMemory,
                    HardErrors.NtRaiseHardError);
        };
    }
}
