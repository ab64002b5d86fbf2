package com.ntprocesslab.session;

import com.ntprocesslab.kernel.kd.StateCopier;

/** Freezes time-travel checkpoints with the snapshot's Kryo setup (the kernel has no serializer). */
public final class CheckpointCopier implements StateCopier {
    @Override
    public byte[] freeze(Object state) {
        return SnapshotCodec.freeze(state);
    }

    @Override
    public Object thaw(byte[] frozen) {
        return SnapshotCodec.thaw(frozen);
    }
}
