package com.ntprocesslab.lab.checkpoint;

import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.state.ProcessInfo;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One declarative condition on the machine, written in lab.yaml as
 * {@code - child_of: {image: notepad.exe, parent: explorer.exe}}.
 */
public sealed interface Predicate permits ProcessExists, ProcessAbsent, ProcessCount, ProcessId, ChildOf, ExitStatus,
        BasePriority, CommandLineContains, ThreadCount, SuspendCount, ThreadState, LoaderList, CsrProcess, HandleHeld,
        StoppedAt, InCallStack, StoppedInStage, LastCallResult, Called, StoppedIn, FailureFired {

    /** What the predicate asks for, in the student's terms. */
    Message describe();

    /** What is wrong with the machine in the student's terms; empty when the predicate holds. */
    List<Message> problems(MachineState state);

    /**
     * Holds when some process with the image satisfies {@code check}; otherwise reports the
     * problems of the first such process (or that there is none), which is what a student with
     * one candidate process needs to hear.
     */
    static List<Message> forSomeProcess(MachineState state, String image, Function<ProcessInfo, List<Message>> check) {
        List<ProcessInfo> candidates = state.processesNamed(image);
        if (candidates.isEmpty()) {
            return List.of(Message.of("process.none", image));
        }
        List<Message> first = null;
        for (ProcessInfo candidate : candidates) {
            List<Message> problems = check.apply(candidate);
            if (problems.isEmpty()) {
                return List.of();
            }
            first = first == null ? problems : first;
        }
        return first;
    }

    /**
     * Holds when some process with the image has {@code expected} as this number; otherwise
     * {@code wrongKey} says so with the image, the number asked for and the one found.
     */
    static List<Message> processNumber(MachineState state, String image, String wrongKey, long expected,
                                       ToLongFunction<ProcessInfo> number) {
        return forSomeProcess(state, image, p -> {
            long found = number.applyAsLong(p);
            return found == expected ? List.of()
                    : List.of(Message.of(wrongKey, image, String.valueOf(expected), String.valueOf(found)));
        });
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
