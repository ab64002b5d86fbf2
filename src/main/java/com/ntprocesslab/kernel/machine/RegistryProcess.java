package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.MinimalProcesses;
import com.ntprocesslab.kernel.ps.PspCreateParameters;

/**
 * The configuration manager's phase 1 on Windows 10 (1803 on), as far as it makes the
 * "Registry" minimal process, whose address space holds the hives: CmInitSystem1 ->
 * CmpInitializeRegistryProcess -> PsCreateMinimalProcess with System as the parent, then the
 * kernel handle is closed (the caller and callee lists of ntoskrnl 10.0's
 * CmpInitializeRegistryProcess). It runs in Phase1InitializationDiscard before smss starts,
 * so !process lists Registry right after System.
 */
public final class RegistryProcess {
    public static final String NAME = "Registry";

    private RegistryProcess() {
    }

    public static final Routine CmpInitializeRegistryProcess = Executive.routine("nt!CmpInitializeRegistryProcess")
            .call(MinimalProcesses.PsCreateMinimalProcess, (k, t, f) ->
                    StepResult.call(MinimalProcesses.PsCreateMinimalProcess, f.args))
            .step("nt!ZwClose", (k, t, f) -> {
                PspCreateParameters c = f.args(PspCreateParameters.class);
                if (c.processHandle != 0) {
                    ObjectManager.NtClose(k, k.systemProcess.objectTable, c.processHandle);
                    c.processHandle = 0;
                }
                return StepResult.ret(f.calleeStatus);
            })
            .build();

    public static final Routine CmInitSystem1 = Executive.routine("nt!CmInitSystem1")
            .call(CmpInitializeRegistryProcess, (k, t, f) ->
                    StepResult.call(CmpInitializeRegistryProcess, MinimalProcesses.request(NAME)))
            .returnCalleeStatus()
            .build();
}
