package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.lab.progress.ClassResults;
import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.ObservedMachine;
import com.ntprocesslab.ui.layout.MainLayout;
import com.ntprocesslab.ui.machine.MachineExplorer;
import com.ntprocesslab.ui.machine.StageTimeline;
import com.ntprocesslab.ui.workspace.Console;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * A student's machine as their instructor sees it: replayed from its log into a private copy,
 * with the student's command history, the process tree and the timeline. Nothing to type,
 * nothing to step, no reset: looking never changes the student's machine.
 */
@Route(value = StudentMachineView.ROUTE, layout = MainLayout.class)
@PageTitle("Student machine | NT Process Lab")
@RolesAllowed("INSTRUCTOR")
public class StudentMachineView extends VerticalLayout implements HasUrlParameter<Long> {

    public static final String ROUTE = "instructor/machine";

    private final ClassResults results;
    private final MachineWorkExecutor work;
    private final String instructor;
    private final H2 title = new H2();
    private final Span readOnly = new Span();
    private final Console console = new Console();
    private final StageTimeline timeline = new StageTimeline(command -> { });
    private final MachineExplorer explorer = new MachineExplorer();
    private final ProgressBar replaying = new ProgressBar();

    public StudentMachineView(ClassResults results, MachineWorkExecutor work, AuthenticationContext authentication) {
        this.work = work;
        this.results = results;
        this.instructor = authentication.getPrincipalName().orElseThrow();
        setSizeFull();
        addClassName("workspace");
        console.setCommandLineVisible(false);
        timeline.setStepping(false);
        readOnly.setId("read-only-note");
        readOnly.getElement().getThemeList().add("badge contrast");
        readOnly.setVisible(false);
        replaying.setIndeterminate(true);
        replaying.setId("observe-progress");
        replaying.getElement().setAttribute("aria-label", getTranslation("observe.replaying.label"));
        add(title, readOnly, replaying);
        addAndExpand(configureBody());
    }

    private SplitLayout configureBody() {
        VerticalLayout history = new VerticalLayout(timeline);
        history.setPadding(false);
        history.setSizeFull();
        history.addAndExpand(console);
        SplitLayout body = new SplitLayout(history, explorer);
        body.setSizeFull();
        body.setSplitterPosition(50);
        return body;
    }

    /** A long log takes a while to replay: the page comes up at once and fills in when the replay is done. */
    @Override
    public void setParameter(BeforeEvent event, Long machineId) {
        UI ui = UI.getCurrent();
        title.setText(getTranslation("observe.replaying", machineId));
        work.submit(MachineWorkExecutor.observerLane(instructor), () -> results.studentMachine(instructor, machineId))
                .whenComplete((machine, failure) -> ui.access(() -> {
                    replaying.setVisible(false);
                    if (failure == null) {
                        show(machine);
                    } else if ((failure.getCause() != null ? failure.getCause() : failure) instanceof MachineNotFoundException) {
                        showNotFound(machineId);
                    } else {
                        title.setText(getTranslation("workspace.restoreFailed", failure.getMessage()));
                    }
                }));
    }

    private void show(ObservedMachine machine) {
        title.setText(getTranslation("observe.title", machine.ownerName(), machine.purpose(), machine.machineId()));
        readOnly.setText(getTranslation("observe.readOnly"));
        readOnly.setVisible(true);
        console.show(machine.history());
        MachineState state = MachineState.fromSnapshot(machine.snapshotJson());
        MachineObjects objects = MachineObjects.fromSnapshot(machine.snapshotJson());
        explorer.show(state, objects);
        timeline.show(objects.currentStop(), objects.classic());
    }

    private void showNotFound(long machineId) {
        removeAll();
        add(new H2(getTranslation("workspace.notFound")), new Paragraph(getTranslation("workspace.notFound.text", machineId)),
                new RouterLink(getTranslation("nav.classes"), ClassesView.class));
    }
}
