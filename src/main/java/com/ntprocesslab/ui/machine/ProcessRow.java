package com.ntprocesslab.ui.machine;

import com.ntprocesslab.lab.state.ProcessInfo;
import com.ntprocesslab.lab.state.Structure;

/** One line of the process tree: a process and the EPROCESS it was read from. */
record ProcessRow(ProcessInfo process, Structure eprocess) {

    enum State { ACTIVE, SUSPENDED, NO_THREADS, EXITED }

    String address() {
        return eprocess.address();
    }

    long createTime() {
        try {
            // the details show every number in hex
            return Long.parseLong(eprocess.value("CreateTime").replaceFirst("^0x", ""), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A zombie (exited, kept alive by a handle) first; then a process whose every live thread is suspended. */
    State state() {
        if (process.exited()) {
            return State.EXITED;
        }
        if (process.liveThreads().isEmpty()) {
            return State.NO_THREADS;
        }
        return process.liveThreads().stream().allMatch(t -> t.suspendCount() > 0) ? State.SUSPENDED : State.ACTIVE;
    }

    /** The exit status only means something once the process has exited. */
    String exitStatus() {
        return process.exited() ? String.format("0x%x", process.exitStatus()) : "";
    }

    /** True when the parent is this row: PIDs are reused, so a "parent" created after the child is a stranger. */
    boolean isParentOf(ProcessRow child) {
        return this != child && process.pid() == child.process.parentPid() && createTime() < child.createTime();
    }
}
