package com.ntprocesslab.lab.state;

/** A thread: its dispatcher state (Initialized, Ready, Running, Waiting, Terminated ...) and suspend count. */
public record ThreadInfo(long tid, String state, long suspendCount) {

    public boolean terminated() {
        return "Terminated".equalsIgnoreCase(state);
    }
}
