package com.ntprocesslab.session;

/** Told how far a replay has got, so a page can show progress while a long log is replayed. */
@FunctionalInterface
public interface ReplayProgress {

    ReplayProgress NONE = (done, total) -> { };

    void replayed(long done, long total);
}
