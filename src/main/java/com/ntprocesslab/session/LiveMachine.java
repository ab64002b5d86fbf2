package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;

/**
 * A machine in memory: the sequence number its next accepted command gets in the log, and
 * how much it ran since its last snapshot (which bounds what a restore must replay). Only
 * touched under the machine's lock.
 */
final class LiveMachine {

    final long id;
    final Machine machine;
    long nextSeq;
    long commandsSinceSnapshot;
    long nanosSinceSnapshot;
    /** The fencing token of this node's lease on the machine when it was loaded; every append must still match it. */
    long leaseToken;
    /** The node this one took the machine over from after it stopped, until a page has told the student. */
    String takenOverFrom;

    LiveMachine(long id, Machine machine, long nextSeq, long commandsSinceSnapshot) {
        this.id = id;
        this.machine = machine;
        this.nextSeq = nextSeq;
        this.commandsSinceSnapshot = commandsSinceSnapshot;
    }
}
