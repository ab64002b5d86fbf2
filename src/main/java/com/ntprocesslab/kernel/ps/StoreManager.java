package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObjectManager;

/**
 * The memory manager's store manager on Windows 10, as far as it makes the Memory Compression
 * process: the first store's create request (NtSetSystemInformation(SystemStoreInformation),
 * which SysMain sends at boot: Windows Internals 7th ed., part 1, ch. 5, "Memory
 * compression") reaches SmSetStoreInformation -> SmProcessCreateRequest -> SmFirstTimeInit,
 * which creates the minimal process with PsCreateMinimalProcess (the caller lists of
 * ntoskrnl 10.0's SmProcessCreateRequest, SmFirstTimeInit and PsCreateMinimalProcess). Later
 * requests find the store manager initialized and create no second process.
 */
public final class StoreManager {
    /** SYSTEM_INFORMATION_CLASS SystemStoreInformation (phnt ntexapi.h). */
    public static final long SYSTEM_STORE_INFORMATION = 0x6d;
    /** EPROCESS.ImageFileName of the store's process: "Memory Compression" cut to 14 characters as ImageFileName holds them. */
    public static final String MEMORY_COMPRESSION = "MemCompression";

    private StoreManager() {
    }

    /** Whether the store manager's first-time initialization made its process already. */
    static boolean initialized(Executive k) {
        for (EProcess p : k.processes()) {
            if (p.minimal && MEMORY_COMPRESSION.equals(p.imageFileName)) {
                return true;
            }
        }
        return false;
    }

    /** ?SmFirstTimeInit@@YAJKK@Z: the store manager's process (System its parent), its kernel handle closed again. */
    public static final Routine SmFirstTimeInit = Executive.routine("nt!SmFirstTimeInit")
            .call(MinimalProcesses.PsCreateMinimalProcess)
            .step("nt!ZwClose", (k, t, f) -> {
                PspCreateParameters c = f.args(PspCreateParameters.class);
                if (c.processHandle != 0) {
                    ObjectManager.NtClose(k, k.systemProcess.objectTable, c.processHandle);
                    c.processHandle = 0;
                }
                return ret(f.calleeStatus);
            })
            .build();

    /** SmProcessCreateRequest: the first request initializes the store manager, which makes its process. */
    public static final Routine SmProcessCreateRequest = Executive.routine("nt!SmProcessCreateRequest")
            .inline((k, t, f) -> initialized(k) ? ret(NtStatus.STATUS_SUCCESS) : next())
            .tailCall(SmFirstTimeInit, (k, t, f) -> StepResult.call(SmFirstTimeInit, MinimalProcesses.request(MEMORY_COMPRESSION)))
            .build();

    public static final Routine SmSetStoreInformation = Executive.routine("nt!SmSetStoreInformation")
            .tailCall(SmProcessCreateRequest)
            .build();

    /**
     * NtSetSystemInformation: of its classes the machine has SystemStoreInformation only (the
     * console accepts no other), which Windows XP does not know (no store manager before
     * Windows 10): STATUS_INVALID_INFO_CLASS there.
     */
    public static final Routine NtSetSystemInformation = Executive.routine("nt!NtSetSystemInformation")
            .inline((k, t, f) -> k.profile == com.ntprocesslab.kernel.Profile.CLASSIC ? ret(NtStatus.STATUS_INVALID_INFO_CLASS) : next())
            .tailCall(SmSetStoreInformation)
            .build();
}
