package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.ob.KernelObject;
import java.util.function.Consumer;

/** A frame argument block that holds pointer references (counted by the invariant checker). */
public interface HoldsReferences {
    void forEachReference(Consumer<KernelObject> sink);
}
