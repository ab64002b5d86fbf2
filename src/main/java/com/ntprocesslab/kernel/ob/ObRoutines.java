package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.List;

/** The object manager's system services: handles, waits, events, tokens, process queries. */
public final class ObRoutines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of(ObServices.NtClose, ObServices.NtOpenProcess, ObServices.NtWaitForSingleObject,
                ObServices.NtQueryInformationProcess, ObServices.NtCreateEvent, ObServices.NtCreateToken,
                HandleServices.NtDuplicateObject, HandleServices.NtQueryObject, HandleServices.NtSetInformationObject,
                ObServices.ObpCloseHandle, ObServices.ObpCloseHandleTableEntry, ObjectDeletion.ObfDereferenceObject,
                ObjectDeletion.ObpRemoveObjectRoutine);
    }

    @Override
    public List<Routine> only(Profile profile) {
        return List.of();
    }
}
