package com.ntprocesslab.kernel.exec;

/**
 * What a step tells the engine to do next. The engine, not the Java stack, moves between
 * steps, which is what lets the machine stop between any two of them.
 */
public sealed interface StepResult {
    /** Continue with the following step of the same routine. */
    record Next() implements StepResult {}
    /** Continue at step {@code index} of the same routine (a branch or a cleanup label). */
    record Goto(int index) implements StepResult {}
    /** Continue at the step the routine labelled {@code label} (cleanup paths, retries). */
    record GotoLabel(String label) implements StepResult {}
    /** Push a frame for {@code routine}; the caller resumes after this step once it returns. */
    record Call(Routine routine, Object args) implements StepResult {}
    /** Pop this frame and hand {@code status} to the caller. */
    record Return(long status) implements StepResult {}
    /** The thread now waits; the same step is retried when the thread runs again. */
    record Block() implements StepResult {}
    /** Discard the thread's frames and start {@code routine} in their place (a switch to user mode). */
    record Transfer(Routine routine, Object args) implements StepResult {}
    /** The thread has terminated: its frames are gone. */
    record Exit() implements StepResult {}

    StepResult NEXT = new Next();
    StepResult BLOCK = new Block();
    StepResult EXIT = new Exit();

    static StepResult next() { return NEXT; }
    static StepResult jump(int index) { return new Goto(index); }
    static StepResult jump(String label) { return new GotoLabel(label); }
    static StepResult call(Routine r, Object args) { return new Call(r, args); }
    static StepResult ret(long status) { return new Return(status); }
}
