package com.ntprocesslab.kernel.cm;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.List;

/** The configuration manager's system services: XP's kernel32 opens registry keys itself. */
public final class CmRoutines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of();
    }

    @Override
    public List<Routine> only(Profile profile) {
        return profile == Profile.CLASSIC ? List.of(KeyServices.NtOpenKey) : List.of();
    }
}
