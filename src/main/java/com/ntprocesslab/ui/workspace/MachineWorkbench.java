package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.session.CommandNotRecordedException;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineChanged;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.TimePosition;
import com.ntprocesslab.ui.machine.MachineExplorer;
import com.ntprocesslab.ui.machine.StageTimeline;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A student's machine at work: the console, the stage timeline and the process explorer, kept
 * in step with each other and with the machine's other tabs. The pages place the three
 * components; this class runs the commands (off the request thread, so a slow one never
 * freezes the page) and redraws the panels after each one.
 */
public class MachineWorkbench {

    private final MachineSessions sessions;
    private final String username;
    private final Console console = new Console();
    private final StageTimeline timeline = new StageTimeline(console::send);
    private final MachineExplorer explorer = new MachineExplorer();
    private long machineId;
    private Runnable unsubscribe = () -> { };

    private java.util.function.LongConsumer forkListener = forked -> UI.getCurrent().getPage().reload();

    private record Ran(ConsoleEntry entry, String snapshotJson, TimePosition time) {
    }

    public MachineWorkbench(MachineSessions sessions, String username) {
        this.sessions = sessions;
        this.username = username;
        console.addClassName("console-pane");
        console.addCommandListener(event -> run(event.command()));
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

    /** Shows an opened machine (its history already replayed) and follows what its other tabs do. */
    public void show(long openedMachineId, List<ConsoleEntry> history) {
        this.machineId = openedMachineId;
        console.show(history);
        showMachine(sessions.snapshot(machineId, username));
        console.showTime(sessions.timePosition(machineId, username));
        listenToOtherTabs(UI.getCurrent());
        console.focus();
    }

    /** What the page does when .fork made a new machine: by default it reloads (a lab page opens the newest machine). */
    public void setForkListener(java.util.function.LongConsumer listener) {
        this.forkListener = listener;
    }

    private void run(String command) {
        UI ui = UI.getCurrent();
        if (command.strip().equals(".fork")) {
            fork(ui);
            return;
        }
        console.setRunning(true);
        CompletableFuture.supplyAsync(() -> {
            ConsoleEntry entry = sessions.submit(machineId, username, command, this);
            return new Ran(entry, sessions.snapshot(machineId, username), sessions.timePosition(machineId, username));
        }).whenComplete((ran, failure) -> ui.access(() -> {
            console.setRunning(false);
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                showFailure(cause);
                return;
            }
            console.append(ran.entry());
            console.showTime(ran.time());
            showMachine(ran.snapshotJson());
        }));
    }

    private void fork(UI ui) {
        console.setRunning(true);
        CompletableFuture.supplyAsync(() -> sessions.fork(machineId, username)).whenComplete((forked, failure) -> ui.access(() -> {
            console.setRunning(false);
            if (failure != null) {
                showFailure(failure.getCause() != null ? failure.getCause() : failure);
                return;
            }
            forkListener.accept(forked);
        }));
    }

    private void showFailure(Throwable cause) {
        String message = cause instanceof CommandNotRecordedException || cause instanceof MachineNotFoundException
                ? cause.getMessage() : console.getTranslation("console.failed", cause.getMessage());
        Notification.show(message, 6_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void showMachine(String snapshotJson) {
        MachineState state = MachineState.fromSnapshot(snapshotJson);
        MachineObjects objects = MachineObjects.fromSnapshot(snapshotJson);
        explorer.show(state, objects);
        timeline.show(objects.currentStop(), objects.classic());
    }

    private void listenToOtherTabs(UI ui) {
        stopListening();
        unsubscribe = sessions.subscribe(machineId, username, change -> onMachineChanged(ui, change));
    }

    private void onMachineChanged(UI ui, MachineChanged change) {
        if (change.origin() != this) {
            CompletableFuture.supplyAsync(() -> new Ran(change.entry(), sessions.snapshot(machineId, username), sessions.timePosition(machineId, username)))
                    .thenAccept(ran -> ui.access(() -> {
                        console.append(ran.entry());
                        console.showTime(ran.time());
                        showMachine(ran.snapshotJson());
                    }));
        }
    }

    private void stopListening() {
        unsubscribe.run();
        unsubscribe = () -> { };
    }
}
