package com.ntprocesslab.kernel.mm;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.Executive;

/**
 * XP's MmMapViewOfSection (WRK mm/mapview.c): a view of an image section is mapped by
 * MiMapViewOfImageSection (the image's VAD at its preferred base, EXECUTE_WRITECOPY), any other
 * by MiMapViewOfDataSection. Only the XP machine's creation maps views as separate steps.
 */
public final class SectionViews {
    private SectionViews() {
    }

    /**
     * One view to map into {@code process}: an image ({@code path} and {@code image}; {@code
     * processImage} when it is the process's own image section, whose base becomes
     * EPROCESS.SectionBaseAddress), or, with a null image, the NLS tables' data section.
     */
    public record ViewRequest(EProcess process, String path, ImageDescriptor image, boolean processImage) {
        public static ViewRequest ofImage(EProcess process, String path, ImageDescriptor image, boolean processImage) {
            return new ViewRequest(process, path, image, processImage);
        }

        public static ViewRequest ofNlsTables(EProcess process) {
            return new ViewRequest(process, null, null, false);
        }
    }

    public static final Routine MmMapViewOfSection = Executive.routine("nt!MmMapViewOfSection").stage(2)
            // ControlArea->u.Flags.Image decides how the view is built
            .inline((k, t, f) -> f.args(ViewRequest.class).image() != null ? next() : jump("data"))
            // the image at its preferred base; a process's own image base is recorded in its EPROCESS
            .step("nt!MiMapViewOfImageSection", (k, t, f) -> {
                ViewRequest v = f.args(ViewRequest.class);
                long status = MemoryManager.mapImage(v.process(), v.path(), v.image());
                if (NtStatus.success(status) && v.processImage()) {
                    v.process().sectionBaseAddress = v.image().imageBase();
                }
                return ret(status);
            })
            .label("data")
            // the code-page and case tables (InitNlsSectionPointer), one shared read-only view at the top of user space
            .step("nt!MiMapViewOfDataSection", (k, t, f) -> {
                f.args(ViewRequest.class).process().addressSpace.insert(Vad.of(MemoryManager.NLS_TABLES, MemoryManager.NLS_TABLES_SIZE,
                        "Mapped", "NLS tables", "READONLY", false));
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();
}
