package com.ntprocesslab.kernel.io;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.List;

/** The image file services the classic kernel32 calls one by one (the modern kernel opens the image itself). */
public final class IoRoutines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of(DriverLoading.NtLoadDriver, DriverLoading.IopLoadUnloadDriver, DriverLoading.IopLoadDriver);
    }

    @Override
    public List<Routine> only(Profile profile) {
        return profile == Profile.CLASSIC
                ? List.of(ImageFileServices.NtOpenFile, ImageFileServices.NtCreateSection, ImageFileServices.NtQuerySection)
                : List.of();
    }
}
