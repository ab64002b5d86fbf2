package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;

/**
 * A machine in memory: the sequence number its next accepted command gets in the log, and
 * how many commands it ran since its last snapshot. Only touched under the machine's lock.
 */
final class LiveMachine {

    final long id;
    final Machine machine;
    long nextSeq;
    long commandsSinceSnapshot;

    LiveMachine(long id, Machine machine, long nextSeq, long commandsSinceSnapshot) {
        this.id = id;
        this.machine = machine;
        this.nextSeq = nextSeq;
        this.commandsSinceSnapshot = commandsSinceSnapshot;
    }
}
