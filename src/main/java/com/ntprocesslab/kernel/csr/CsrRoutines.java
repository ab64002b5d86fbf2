package com.ntprocesslab.kernel.csr;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.List;

/** csrss's server routines: its start, and the registration of a new process (numbered per profile). */
public final class CsrRoutines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of(CsrSrv.CsrServerInitialization);
    }

    @Override
    public List<Routine> only(Profile profile) {
        return List.of(profile == Profile.MODERN ? CsrSrv.CsrCreateProcess : CsrSrv.CsrCreateProcessClassic);
    }
}
