package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.session.CommandNotRecordedException;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineChanged;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineRetired;
import com.ntprocesslab.session.MachineRetiredException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.MachineWorkRefusedException;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.ui.machine.MachineExplorer;
import com.ntprocesslab.ui.machine.StageTimeline;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;

/**
 * A student's machine at work: the console, the stage timeline and the process explorer, kept
 * in step with each other and with the machine's other tabs. The pages place the three
 * components; this class runs the commands in the student's lane of the machine work
 * executor (so a slow one never freezes the page) and redraws the panels after each one.
 * Commands typed while one runs wait in order, each shown as waiting; none is dropped.
 */
public class MachineWorkbench {

    /** Commands one page may have waiting; past that a command is refused visibly. */
    static final int MAX_WAITING = 50;

    private final MachineSessions sessions;
    private final MachineWorkExecutor work;
    private final String username;
    private final Console console = new Console();
    private final StageTimeline timeline = new StageTimeline(console::send);
    private final MachineExplorer explorer = new MachineExplorer();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private boolean running;
    private long machineId;
    private Runnable unsubscribe = () -> { };
    private LongConsumer onRetired = successor -> { };

    private record Ran(ConsoleEntry entry, String snapshotJson) {
    }

    private record Waiting(String command, Console.PendingLine line) {
    }

    public MachineWorkbench(MachineSessions sessions, MachineWorkExecutor work, String username) {
        this.sessions = sessions;
        this.work = work;
        this.username = username;
        console.addClassName("console-pane");
        console.addCommandListener(event -> enqueue(event.command()));
        console.addDetachListener(event -> stopListening());
    }

    public Console console() {
        return console;
    }

    public StageTimeline timeline() {
        return timeline;
    }

    public MachineExplorer explorer() {
        return explorer;
    }

    /** What the page does when its machine is reset (in this tab or another): show the successor. */
    public void setRetiredListener(LongConsumer onRetired) {
        this.onRetired = onRetired;
    }

    /** Shows an opened machine (its history already replayed) and follows what its other tabs do. */
    public void show(long openedMachineId, List<ConsoleEntry> history) {
        this.machineId = openedMachineId;
        waiting.clear();
        console.show(history);
        showMachine(sessions.snapshot(machineId, username));
        listenToOtherTabs(UI.getCurrent());
        console.focus();
    }

    private void enqueue(String command) {
        if (waiting.size() >= MAX_WAITING) {
            console.append(new ConsoleEntry(command, console.getTranslation("console.queueFull", MAX_WAITING), false));
            return;
        }
        waiting.add(new Waiting(command, console.appendPending(command, running)));
        if (!running) {
            runNext();
        }
    }

    private void runNext() {
        Waiting next = waiting.poll();
        running = next != null;
        console.setRunning(running);
        if (next == null) {
            return;
        }
        UI ui = UI.getCurrent();
        long onMachine = machineId;
        try {
            work.submit(MachineWorkExecutor.studentLane(username), () -> {
                ConsoleEntry entry = sessions.submit(onMachine, username, next.command(), this);
                return new Ran(entry, sessions.snapshot(onMachine, username));
            }).whenComplete((ran, failure) -> ui.access(() -> finished(next, ran, failure)));
        } catch (RejectedExecutionException busy) {
            finished(next, null, busy);
        }
    }

    private void finished(Waiting command, Ran ran, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            command.line().answer(new ConsoleEntry(command.command(), failureMessage(cause), false));
        } else {
            command.line().answer(ran.entry());
            showMachine(ran.snapshotJson());
        }
        runNext();
    }

    private String failureMessage(Throwable cause) {
        return cause instanceof CommandNotRecordedException || cause instanceof MachineNotFoundException
                || cause instanceof MachineWorkRefusedException || cause instanceof MachineRetiredException
                ? cause.getMessage() : console.getTranslation("console.failed", cause.getMessage());
    }

    private void showMachine(String snapshotJson) {
        MachineState state = MachineState.fromSnapshot(snapshotJson);
        MachineObjects objects = MachineObjects.fromSnapshot(snapshotJson);
        explorer.show(state, objects);
        timeline.show(objects.currentStop(), objects.classic());
    }

    private void listenToOtherTabs(UI ui) {
        stopListening();
        unsubscribe = sessions.subscribe(machineId, username, change -> onMachineChanged(ui, change),
                retired -> ui.access(() -> retired(retired)));
    }

    private void onMachineChanged(UI ui, MachineChanged change) {
        if (change.origin() != this) {
            work.submit(MachineWorkExecutor.studentLane(username), () -> sessions.snapshot(change.machineId(), username))
                    .thenAccept(snapshot -> ui.access(() -> {
                        console.append(change.entry());
                        showMachine(snapshot);
                    }));
        }
    }

    private void retired(MachineRetired retired) {
        if (retired.machineId() != machineId) {
            return;
        }
        stopListening();
        Notification.show(console.getTranslation("workspace.retired", retired.successorId()), 6_000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        onRetired.accept(retired.successorId());
    }

    private void stopListening() {
        unsubscribe.run();
        unsubscribe = () -> { };
    }
}
