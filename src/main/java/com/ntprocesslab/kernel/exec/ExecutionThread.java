package com.ntprocesslab.kernel.exec;

import java.util.List;

/**
 * What the engine needs of a thread: its own frame list and whether it can run a step now.
 * The executive's thread object implements it; the engine knows nothing else about threads.
 */
public interface ExecutionThread {
    /** Frames of the routines the thread is executing, outermost first. */
    List<Frame> frames();

    /** The thread has ended: it runs no step again. */
    boolean terminated();

    /** The thread waits on an object: its current step is retried once it is ready. */
    boolean waiting();

    String describe();

    default Frame top() {
        List<Frame> frames = frames();
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }
}
