package com.ntprocesslab.kernel.io;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.ps.Executive;

/**
 * The system services Windows XP's process creation uses to open its image before any process
 * exists (phase 1): NtOpenFile, NtCreateSection and NtQuerySection. Unlike the modern
 * NtCreateUserProcess, which opens the image inside the kernel, each returns a handle in the
 * caller's table, so the caller closes what it opened.
 */
public final class ImageFileServices {
    /**
     * SYNCHRONIZE | FILE_EXECUTE | FILE_READ_ATTRIBUTES | FILE_READ_DATA (0x1000A1): what XP SP3's
     * kernel32 opens an image with (seed 003: {@code push 1000A1h} before NtOpenFile; ReactOS's
     * CreateProcessInternalW asks for the same four). Windows 2000 (seed 004) asked for
     * SYNCHRONIZE | FILE_EXECUTE only.
     */
    public static final long IMAGE_FILE_ACCESS = 0x001000A1L;
    public static final long SECTION_ALL_ACCESS = 0x000F001FL;
    public static final long SECTION_QUERY = 0x0001L;

    private ImageFileServices() {
    }

    private static ImageFileRequest ctx(Frame f) {
        return f.args(ImageFileRequest.class);
    }

    public static final Routine NtOpenFile = Executive.routine("nt!NtOpenFile").stage(1)
            // the file object for the image path, and a handle to it for the caller
            .step("nt!IoCreateFile", (k, t, f) -> {
                ImageFileRequest c = ctx(f);
                VolumeFile file = k.volume.find(c.dosPath);
                if (file == null) {
                    String dir = c.dosPath.substring(0, Math.max(c.dosPath.lastIndexOf('\\'), 0));
                    return ret(k.volume.directoryExists(dir) ? NtStatus.STATUS_OBJECT_NAME_NOT_FOUND : NtStatus.STATUS_OBJECT_PATH_NOT_FOUND);
                }
                if (k.failAllocation(AllocationKind.FILE)) {
                    return ret(NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                FileObject object = ObjectManager.ObCreateObject(k, new FileObject(), c.ntPath);
                object.file = file;
                c.fileHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, object, IMAGE_FILE_ACCESS, false);
                ObjectManager.ObDereferenceObject(k, object);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    public static final Routine NtCreateSection = Executive.routine("nt!NtCreateSection").stage(1)
            .inline((k, t, f) -> {
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, ctx(f).fileHandle, ObjectType.File, 0);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                ctx(f).file = (FileObject) ref.object();
                return next();
            })
            // SEC_IMAGE: any PE file backs an image section, a DLL too; CreateProcessW refuses a DLL after NtQuerySection
            .step("nt!MmCreateSection", (k, t, f) -> {
                ImageFileRequest c = ctx(f);
                FileObject file = c.file;
                c.file = null;
                long status = NtStatus.STATUS_SUCCESS;
                if (!file.file.isImage()) {
                    status = NtStatus.STATUS_INVALID_IMAGE_NOT_MZ;
                } else if (k.failAllocation(AllocationKind.SECTION)) {
                    status = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                }
                if (!NtStatus.success(status)) {
                    ObjectManager.ObDereferenceObject(k, file);
                    return ret(status);
                }
                SectionObject section = ObjectManager.ObCreateObject(k, new SectionObject(), null);
                section.fileObject = file;
                section.image = file.file.image();
                c.sectionHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, section, SECTION_ALL_ACCESS, false);
                ObjectManager.ObDereferenceObject(k, section);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    public static final Routine NtQuerySection = Executive.routine("nt!NtQuerySection").stage(1)
            // SectionImageInformation: entry point, stack sizes, subsystem and its version, machine
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                ImageFileRequest c = ctx(f);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.sectionHandle, ObjectType.Section, SECTION_QUERY);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                SectionObject section = (SectionObject) ref.object();
                c.imageInformation = section.image;
                ObjectManager.ObDereferenceObject(k, section);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();
}
