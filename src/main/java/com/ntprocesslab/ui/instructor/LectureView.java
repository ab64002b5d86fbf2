package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.session.Lectures;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.ntprocesslab.ui.machine.MachineExplorer;
import com.ntprocesslab.ui.machine.StageTimeline;
import com.ntprocesslab.ui.workspace.Console;
import com.ntprocesslab.ui.workspace.SandboxView;
import com.ntprocesslab.ui.workspace.WorkspaceView;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * A class's lecture. Its teachers start or stop it (the machine shown is their sandbox, where
 * they type) and see how many follow; its students see that machine live, each command as it
 * is accepted, and can fork the current moment into a sandbox of their own.
 */
@Route(LectureView.ROUTE)
@PageTitle("Lecture | NT Process Lab")
@PermitAll
public class LectureView extends VerticalLayout implements HasUrlParameter<Long> {

    public static final String ROUTE = "lecture";

    private final Lectures lectures;
    private final String caller;
    private final boolean teacher;
    private final H2 title = new H2();
    private final Span status = new Span();
    private final Console console = new Console();
    private final StageTimeline timeline = new StageTimeline(command -> { });
    private final MachineExplorer explorer = new MachineExplorer();
    private final HorizontalLayout actions = new HorizontalLayout();
    private long classroomId;
    private Runnable leave = () -> { };

    public LectureView(Lectures lectures, AuthenticationContext authentication) {
        this.lectures = lectures;
        this.caller = authentication.getPrincipalName().orElseThrow();
        this.teacher = authentication.hasRole("INSTRUCTOR");
        setSizeFull();
        addClassName("workspace");
        console.setCommandLineVisible(false);
        timeline.setStepping(false);
        status.setId("lecture-status");
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        title.setText(getTranslation("lecture.title"));
        add(title, status, actions);
    }

    @Override
    public void setParameter(BeforeEvent event, Long classroomId) {
        this.classroomId = classroomId;
        try {
            lectures.mayFollow(caller, classroomId);
        } catch (ClassroomNotFoundException notTheirs) {
            // another class's lecture reads exactly like a missing page: ids reveal nothing
            event.rerouteToError(NotFoundException.class);
        } catch (AccessRefusedException archived) {
            // shown on the page when it attaches (an archived class has no lectures)
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        try {
            if (teacher && lectures.teaches(caller, classroomId)) {
                showHost(attach.getUI());
            } else {
                follow(attach.getUI());
            }
        } catch (ClassroomNotFoundException | AccessRefusedException | IllegalStateException refused) {
            status.setText(refused instanceof ClassroomNotFoundException ? getTranslation("lecture.notFound", classroomId) : refused.getMessage());
            status.getElement().setAttribute("role", "alert");
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        leave.run();
        leave = () -> { };
    }

    private void showHost(UI ui) {
        Span followers = new Span();
        followers.setId("lecture-followers");
        Button start = new Button(getTranslation("lecture.start"));
        start.setId("lecture-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button stop = new Button(getTranslation("lecture.stop"));
        stop.setId("lecture-stop");
        RouterLink sandbox = new RouterLink(getTranslation("lecture.type"), SandboxView.class);
        boolean[] running = {lectures.isRunning(caller, classroomId)};
        Runnable refresh = () -> {
            start.setVisible(!running[0]);
            stop.setVisible(running[0]);
            followers.setVisible(running[0]);
            status.setText(getTranslation(running[0] ? "lecture.host.running" : "lecture.host.stopped", ROUTE + "/" + classroomId));
        };
        start.addClickListener(click -> {
            lectures.start(caller, classroomId);
            running[0] = true;
            leave = lectures.watchFollowers(caller, classroomId, count -> ui.access(() -> followers.setText(getTranslation("lecture.followers", count))));
            refresh.run();
        });
        stop.addClickListener(click -> {
            leave.run();
            leave = () -> { };
            lectures.stop(caller, classroomId);
            running[0] = false;
            refresh.run();
        });
        if (running[0]) {
            leave = lectures.watchFollowers(caller, classroomId, count -> ui.access(() -> followers.setText(getTranslation("lecture.followers", count))));
        }
        actions.add(start, stop, followers, sandbox);
        refresh.run();
    }

    private void follow(UI ui) {
        Lectures.Following following = lectures.follow(caller, classroomId, change -> ui.access(() -> {
            console.append(change.entry());
            show(lectures.snapshot(caller, classroomId));
        }));
        leave = following.stop();
        status.setText(getTranslation("lecture.following", following.instructor()));
        console.show(following.history());
        show(following.snapshotJson());
        Button fork = new Button(getTranslation("lecture.fork"));
        fork.setId("lecture-fork");
        fork.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Span outcome = new Span();
        outcome.setId("lecture-fork-outcome");
        fork.addClickListener(click -> {
            long forked = lectures.forkCurrent(caller, classroomId);
            outcome.setText(getTranslation("lecture.forked", forked));
            actions.add(new RouterLink(getTranslation("fork.open", forked), WorkspaceView.class, forked));
        });
        actions.add(fork, outcome);
        VerticalLayout left = new VerticalLayout(timeline);
        left.setPadding(false);
        left.setSizeFull();
        left.addAndExpand(console);
        SplitLayout body = new SplitLayout(left, explorer);
        body.setSizeFull();
        addAndExpand(body);
    }

    private void show(String snapshotJson) {
        MachineObjects objects = MachineObjects.fromSnapshot(snapshotJson);
        explorer.show(MachineState.fromSnapshot(snapshotJson), objects);
        timeline.show(objects.currentStop(), objects.classic());
    }
}
