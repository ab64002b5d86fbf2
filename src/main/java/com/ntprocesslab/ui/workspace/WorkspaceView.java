package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineHeldElsewhereException;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineRetiredException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.MachineStatus;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * A student's machine: its console, restored from the command log on every visit (with a
 * progress bar when that needs a long replay) and kept in step with the machine's other tabs.
 */
@Route(WorkspaceView.ROUTE)
@PageTitle("Workspace | NT Process Lab")
@PermitAll
public class WorkspaceView extends VerticalLayout implements HasUrlParameter<Long> {

    static final String ROUTE = "machine";

    private final MachineSessions sessions;
    private final MachineWorkExecutor work;
    private final AuthenticationContext authentication;
    private final String username;
    private final MachineWorkbench workbench;
    private final Console console;
    private final H2 title = new H2();
    private final ProgressBar replay = new ProgressBar();
    private final Span replayLabel = new Span();
    private long machineId;

    public WorkspaceView(MachineSessions sessions, MachineWorkExecutor work, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.username = authentication.getPrincipalName().orElseThrow();
        this.work = work;
        this.workbench = new MachineWorkbench(sessions, work, username);
        workbench.setRetiredListener(successor -> getUI().ifPresent(ui -> ui.navigate(WorkspaceView.class, successor)));
        this.console = workbench.console();
        setSizeFull();
        addClassName("workspace");
        add(configureHeader(), configureReplayIndicator());
        addAndExpand(configureBody());
    }

    /** The console under the stage timeline on the left, the processes and their structures on the right. */
    private SplitLayout configureBody() {
        VerticalLayout debugger = new VerticalLayout(workbench.timeline());
        debugger.setPadding(false);
        debugger.setSizeFull();
        debugger.addAndExpand(console);
        SplitLayout body = new SplitLayout(debugger, workbench.explorer());
        body.setSizeFull();
        body.setSplitterPosition(50);
        body.addClassName("workspace-body");
        return body;
    }

    private HorizontalLayout configureHeader() {
        Button reset = new Button(getTranslation("workspace.reset"), click -> confirmReset());
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, reset);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(title);
        return header;
    }

    private VerticalLayout configureReplayIndicator() {
        replay.setIndeterminate(true);
        replay.setId("replay-progress");
        replay.getElement().setAttribute("aria-label", getTranslation("workspace.restoring.label"));
        replayLabel.setText(getTranslation("workspace.restoring"));
        VerticalLayout indicator = new VerticalLayout(replayLabel, replay);
        indicator.setPadding(false);
        indicator.setVisible(false);
        return indicator;
    }

    @Override
    public void setParameter(BeforeEvent event, Long machineId) {
        this.machineId = machineId;
        title.setText(getTranslation("workspace.title", machineId));
        try {
            MachineStatus status = sessions.status(machineId, username);
            if (!status.active()) {
                showRetired(status);
            }
            if (sessions.isLive(machineId)) {
                workbench.show(machineId, sessions.open(machineId, username, (done, total) -> { }));
                showTakeover();
            } else {
                restoreInBackground();
            }
        } catch (MachineNotFoundException notFound) {
            showNotFound(notFound);
        }
    }

    /** A long log takes a moment to replay: keep the page responsive and show how far it got. */
    private void restoreInBackground() {
        UI ui = UI.getCurrent();
        replay.getParent().ifPresent(parent -> parent.setVisible(true));
        console.setEnabled(false);
        work.submit(MachineWorkExecutor.studentLane(username), () -> sessions.open(machineId, username, (done, total) -> ui.access(() -> {
                    replay.setIndeterminate(false);
                    replay.setValue(total == 0 ? 1 : (double) done / total);
                    replayLabel.setText(getTranslation("workspace.restoring.progress", done, total));
                })))
                .whenComplete((history, failure) -> ui.access(() -> showRestored(history, failure)));
    }

    private void showRestored(List<ConsoleEntry> history, Throwable failure) {
        replay.getParent().ifPresent(parent -> parent.setVisible(false));
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof MachineNotFoundException notFound) {
                showNotFound(notFound);
                return;
            }
            if (cause instanceof MachineHeldElsewhereException held) {
                removeAll();
                add(new HeldElsewhereNotice(held, sessions));
                return;
            }
            Notification.show(getTranslation("workspace.restoreFailed", cause.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        console.setEnabled(true);
        workbench.show(machineId, history);
        showTakeover();
    }

    /** The server this student was on stopped and this one restored their machine from the database: say so. */
    private void showTakeover() {
        sessions.takenOverFrom(machineId, username).ifPresent(from -> {
            Paragraph notice = new Paragraph(getTranslation("workspace.reconnected", from));
            notice.setId("machine-reconnected");
            addComponentAtIndex(1, notice);
        });
    }

    /** An old URL of a reset machine: its history stays readable, nothing can be typed, a link leads on. */
    private void showRetired(MachineStatus status) {
        console.setCommandLineVisible(false);
        Paragraph notice = new Paragraph(getTranslation("workspace.retired.here", status.machineId()));
        notice.setId("machine-retired");
        RouterLink current = new RouterLink(getTranslation("workspace.retired.open"), WorkspaceView.class, status.currentId());
        addComponentAtIndex(1, new HorizontalLayout(notice, current));
    }

    private void showNotFound(MachineNotFoundException notFound) {
        removeAll();
        add(new H2(getTranslation("workspace.notFound")), new Paragraph(getTranslation("workspace.notFound.text", machineId)),
                new RouterLink(getTranslation("workspace.notFound.back"), SandboxView.class));
    }

    private void confirmReset() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("workspace.reset.title"), getTranslation("workspace.reset.text"),
                getTranslation("workspace.reset.confirm"), confirmed -> {
                    try {
                        long fresh = sessions.reset(machineId, username);
                        getUI().ifPresent(ui -> ui.navigate(WorkspaceView.class, fresh));
                    } catch (MachineRetiredException retired) {
                        getUI().ifPresent(ui -> ui.navigate(WorkspaceView.class, retired.successorId()));
                    }
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("workspace.reset.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
