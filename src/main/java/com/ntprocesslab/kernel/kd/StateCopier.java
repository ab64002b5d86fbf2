package com.ntprocesslab.kernel.kd;

/**
 * Turns machine state into bytes and back. The kernel has no serializer of its own (it
 * imports no I/O or serialization library); the layer that owns one supplies it, and
 * without it time travel replays from boot.
 */
public interface StateCopier {
    byte[] freeze(Object state);

    Object thaw(byte[] frozen);
}
