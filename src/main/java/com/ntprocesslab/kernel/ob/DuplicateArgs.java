package com.ntprocesslab.kernel.ob;

import java.util.function.Consumer;

/**
 * NtDuplicateObject's arguments (SourceProcessHandle, SourceHandle, TargetProcessHandle,
 * DesiredAccess, HandleAttributes, Options), the processes it has referenced so far and the
 * TargetHandle it returns.
 */
public final class DuplicateArgs implements HoldsReferences {
    public long sourceProcessHandle;
    public long sourceHandle;
    public long targetProcessHandle;
    public long desiredAccess;
    public long attributes;
    public long options;
    public long targetHandle;
    public KernelObject sourceProcess;
    public KernelObject targetProcess;

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (sourceProcess != null) {
            sink.accept(sourceProcess);
        }
        if (targetProcess != null) {
            sink.accept(targetProcess);
        }
    }
}
