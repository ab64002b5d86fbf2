package com.ntprocesslab.kernel.exec;

/**
 * The body of one step. {@code S} is the machine state the component that wrote the step
 * sees (its own view of the state root, which the engine passes whole), {@code T} the thread.
 * Implementations are stateless method references or lambdas: every piece of state they
 * touch lives in the state, the thread or the frame, never in the action.
 */
@FunctionalInterface
public interface StepAction<S, T> {
    StepResult run(S kernel, T thread, Frame frame);
}
