package com.ntprocesslab.kernel.io;

import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectType;

/** FILE_OBJECT for an opened volume file. */
public final class FileObject extends KernelObject {
    public VolumeFile file;

    public FileObject() {
        super(ObjectType.File);
    }
}
