package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.List;

/** Phase 1 of boot, which the System thread runs: its profile's way of starting smss. */
public final class BootRoutines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of();
    }

    @Override
    public List<Routine> only(Profile profile) {
        return profile == Profile.MODERN ? List.of(SystemInitialization.Phase1Initialization,
                RegistryProcess.CmInitSystem1, RegistryProcess.CmpInitializeRegistryProcess)
                : List.of(SystemInitialization.Phase1InitializationClassic, SystemInitialization.Phase1InitializationDiscardClassic,
                        SystemInitialization.ExpWorkerInitialization, SystemInitialization.ExpCreateWorkerThread,
                        SystemInitialization.ExpWorkerThread, SystemInitialization.MmInitSystem,
                        SystemInitialization.KeBalanceSetManager, SystemInitialization.KeSwapProcessOrStack,
                        SystemInitialization.MmZeroPageThread);
    }
}
