package com.ntprocesslab.kernel.ob;

import java.util.function.Consumer;

/** A frame argument block that holds pointer references (counted by the invariant checker). */
public interface HoldsReferences {
    void forEachReference(Consumer<KernelObject> sink);
}
