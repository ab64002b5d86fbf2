package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;

/** A machine in memory and the sequence number its next accepted command gets in the log. */
final class LiveMachine {

    final long id;
    final Machine machine;
    long nextSeq;

    LiveMachine(long id, Machine machine, long nextSeq) {
        this.id = id;
        this.machine = machine;
        this.nextSeq = nextSeq;
    }
}
