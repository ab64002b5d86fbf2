package com.ntprocesslab.kernel.exec;

import com.ntprocesslab.kernel.ps.EThread;

/**
 * The body of one step. Implementations are stateless method references: every piece of
 * state they touch lives in the kernel, the thread or the frame, never in the action.
 */
@FunctionalInterface
public interface StepAction {
    StepResult run(Kernel kernel, EThread thread, Frame frame);
}
