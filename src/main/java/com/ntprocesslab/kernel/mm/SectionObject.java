package com.ntprocesslab.kernel.mm;

import com.ntprocesslab.kernel.io.FileObject;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.Executive;
import java.util.function.Consumer;

/** An image section (SEC_IMAGE) created from an executable file: it references the file. */
public final class SectionObject extends KernelObject {
    public FileObject fileObject;
    public ImageDescriptor image;

    public SectionObject() {
        super(ObjectType.Section);
    }

    @Override
    protected void deleteProcedure(Executive kernel) {
        FileObject file = fileObject;
        fileObject = null;
        if (file != null) {
            ObjectManager.ObDereferenceObject(kernel, file);
        }
    }

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (fileObject != null) {
            sink.accept(fileObject);
        }
    }
}
