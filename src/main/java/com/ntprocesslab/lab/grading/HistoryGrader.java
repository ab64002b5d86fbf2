package com.ntprocesslab.lab.grading;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.kernel.inspect.Snapshot;
import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.state.History;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;

/**
 * Grades a lab over a machine's whole history. The kernel is deterministic, so replaying the
 * log on a fresh machine passes through every state the student's machine was in: after each
 * accepted command, which includes every debugger stop (a stop always ends the command that
 * ran into it). At each point the next checkpoint in the lab's order is tried; checkpoint n
 * therefore counts only at or after the point where n-1 was reached, and once reached it
 * stays reached. Rejected commands changed nothing and are skipped.
 */
@RequiredArgsConstructor
public final class HistoryGrader {

    private final Grader grader;

    /**
     * @param log           the machine's accepted commands, oldest first, setup included
     * @param setupCommands how many leading commands are the lab's setup: grading starts after them
     */
    public HistoryGrade grade(Lab lab, List<LoggedCommand> log, int setupCommands) {
        return grade(lab, log, setupCommands, BootSeed.DEFAULT);
    }

    /** As above for a machine that booted with {@code bootSeed} (a student's lab machine): its log replays only on that machine. */
    public HistoryGrade grade(Lab lab, List<LoggedCommand> log, int setupCommands, long bootSeed) {
        Machine machine = Machine.boot(lab.profile(), bootSeed);
        Replay replay = new Replay(lab);
        if (setupCommands <= 0) {
            replay.pointAfter(machine, new Reached(0, "", Optional.empty()));
        }
        // Once every checkpoint is reached nothing later can change the result: the rest of the log is not replayed.
        for (int i = 0; i < log.size() && !replay.allReached(); i++) {
            LoggedCommand entry = log.get(i);
            CommandResult result = machine.execute(entry.command());
            if (result.accepted() && i + 1 >= setupCommands) {
                replay.pointAfter(machine, new Reached(i + 1, entry.command(), entry.acceptedAt()));
            }
        }
        return replay.result();
    }

    /**
     * What tells two points of a replay apart: a command that changed the machine adds to the
     * debugger's time line and a time travel replaces the kernel or moves its position; any
     * other command only looked.
     */
    private record Change(int timeLine, long position, Kernel kernel) {
        static Change of(Machine machine) {
            return new Change(machine.debugger().timeline().entries().size(), machine.position(), machine.kernel());
        }
    }

    /** The walk over one history: the last state seen, what happened so far, and the checkpoints reached. */
    private final class Replay {
        private final Lab lab;
        private final List<Checkpoint> checkpoints;
        private final List<Reached> reached = new ArrayList<>();
        private Change lastChange;
        private MachineState lastState;
        private History history = History.NONE;

        Replay(Lab lab) {
            this.lab = lab;
            this.checkpoints = lab.checkpoints();
        }

        boolean allReached() {
            return reached.size() == checkpoints.size();
        }

        void pointAfter(Machine machine, Reached where) {
            if (allReached()) {
                return;
            }
            Change change = Change.of(machine);
            if (change.equals(lastChange)) {
                return; // an inspection or a breakpoint: same machine, same history, nothing new can be reached
            }
            lastChange = change;
            MachineState state = MachineState.fromSnapshotTree(Snapshot.tree(machine.kernel()));
            history = history.after(state);
            lastState = state.withHistory(history);
            while (reached.size() < checkpoints.size() && grader.grade(lab, checkpoints.get(reached.size()), lastState).passed()) {
                reached.add(where);
            }
        }

        HistoryGrade result() {
            List<CheckpointProgress> progress = new ArrayList<>();
            for (int i = 0; i < checkpoints.size(); i++) {
                Checkpoint checkpoint = checkpoints.get(i);
                if (i < reached.size()) {
                    progress.add(new CheckpointProgress(checkpoint, Optional.of(reached.get(i)), List.of()));
                } else if (i == reached.size()) {
                    List<Message> missing = lastState == null ? List.of(Message.of("history.not_set_up"))
                            : grader.grade(lab, checkpoint, lastState).feedback();
                    progress.add(new CheckpointProgress(checkpoint, Optional.empty(), missing));
                } else {
                    progress.add(new CheckpointProgress(checkpoint, Optional.empty(), List.of()));
                }
            }
            return new HistoryGrade(List.copyOf(progress));
        }
    }
}
