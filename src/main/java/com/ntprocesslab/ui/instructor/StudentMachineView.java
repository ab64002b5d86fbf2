package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.ui.layout.BrowserTime;
import com.ntprocesslab.lab.progress.MachineReview;
import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineForks;
import com.ntprocesslab.session.MachineMoments;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.ReplayedHistory;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.ntprocesslab.ui.machine.MachineExplorer;
import com.ntprocesslab.ui.machine.StageTimeline;
import com.ntprocesslab.ui.workspace.Console;
import com.ntprocesslab.ui.workspace.WorkspaceView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A student's machine as their instructor sees it, at any moment of its history: replayed
 * from its log into a private copy, scrubbed by command or by step, with the checkpoints
 * marked where they were first reached. The URL names the moment ({@code ?at=<command>} or
 * {@code ?step=<position>}) so it can be shared. Nothing to type, no reset: looking never
 * changes the student's machine; a fork makes a new machine from the moment shown.
 */
@Route(StudentMachineView.ROUTE)
@PageTitle("Student machine | NT Process Lab")
@RolesAllowed("INSTRUCTOR")
public class StudentMachineView extends VerticalLayout implements HasUrlParameter<Long> {

    public static final String ROUTE = "instructor/machine";

    private final MachineReview reviews;
    private final MachineMoments histories;
    private final MachineForks forks;
    private final MachineWorkExecutor work;
    private final String instructor;
    private final H2 title = new H2();
    private final HorizontalLayout header = new HorizontalLayout();
    private final Span readOnly = new Span();
    private final HistoryScrubber scrubber = new HistoryScrubber();
    private final CommandTable commands = new CommandTable();
    private final Console console = new Console();
    private final StageTimeline timeline = new StageTimeline(command -> { });
    private final MachineExplorer explorer = new MachineExplorer();
    private final ProgressBar replaying = new ProgressBar();
    private final MomentActions actions;
    private ReplayedHistory history;
    private MachineReview.Review review;
    private ReplayedHistory.Moment shown;
    private boolean shownByStep;

    public StudentMachineView(MachineReview reviews, MachineMoments histories, MachineForks forks, MachineWorkExecutor work,
                              AuthenticationContext authentication) {
        this.reviews = reviews;
        this.histories = histories;
        this.forks = forks;
        this.work = work;
        this.instructor = authentication.getPrincipalName().orElseThrow();
        this.actions = new MomentActions(reviews, instructor);
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
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.add(title);
        configureScrubbing();
        add(header, readOnly, replaying, scrubber, actions);
        scrubber.setVisible(false);
        actions.setVisible(false);
        addAndExpand(configureBody());
    }

    private void configureScrubbing() {
        scrubber.setCommandListener(this::showCommand);
        scrubber.setStepListener(this::showStep);
        commands.addChosenListener(this::showCommand);
        actions.setForkListener(this::forkForMyself);
        actions.setHandOverListener(this::handToStudent);
    }

    private SplitLayout configureBody() {
        SplitLayout history = new SplitLayout(commands, console);
        history.setOrientation(SplitLayout.Orientation.VERTICAL);
        history.setSplitterPosition(35);
        history.setSizeFull();
        VerticalLayout machine = new VerticalLayout(timeline);
        machine.setPadding(false);
        machine.setSizeFull();
        machine.addAndExpand(explorer);
        SplitLayout body = new SplitLayout(history, machine);
        body.setSizeFull();
        body.setSplitterPosition(45);
        return body;
    }

    /** A long log takes a while to replay: the page comes up at once and fills in when the replay is done. */
    @Override
    public void setParameter(BeforeEvent event, Long machineId) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<Long> step = number(query.get("step"));
        Optional<Long> at = number(query.get("at"));
        boolean malformed = (query.containsKey("step") && step.isEmpty()) || (query.containsKey("at") && at.isEmpty());
        if (history != null && history.machineId() == machineId) {
            moveTo(at, step);
            return;
        }
        try {
            review = reviews.review(instructor, machineId);
        } catch (MachineNotFoundException | ClassroomNotFoundException notFound) {
            showNotFound(machineId);
            return;
        }
        title.setText(getTranslation("observe.replaying", machineId));
        review.classroomId().ifPresent(classroom -> header.add(backToClass(classroom)));
        inLane(() -> histories.replay(instructor, machineId), replayed -> {
            replaying.setVisible(false);
            history = replayed;
            title.setText(getTranslation("observe.title", review.machine().ownerName(), review.machine().purpose(), machineId));
            readOnly.setText(getTranslation("observe.readOnly"));
            readOnly.setVisible(true);
            commands.show(replayed.entries());
            scrubber.setHistory(replayed.entries().size(), replayed.bootPosition(), replayed.presentPosition(), review.markers());
            scrubber.setVisible(true);
            actions.show(review.machine());
            actions.setVisible(true);
            moveTo(at, step);
            if (malformed) {
                actions.problem(getTranslation("scrub.malformed"));
            }
        });
    }

    private RouterLink backToClass(long classroomId) {
        RouterLink back = new RouterLink(getTranslation("observe.back"), ClassGridView.class, classroomId);
        back.setQueryParameters(QueryParameters.of("lab", review.machine().purpose()));
        back.setId("back-to-class");
        return back;
    }

    private void moveTo(Optional<Long> at, Optional<Long> step) {
        if (step.isPresent()) {
            showStep(step.get());
        } else {
            showCommand((int) Math.min(at.orElse((long) history.entries().size()), Integer.MAX_VALUE));
        }
    }

    private void showCommand(int command) {
        if (command < 0 || command > history.entries().size()) {
            actions.problem(getTranslation("scrub.noSuchCommand", command, history.entries().size()));
            command = history.entries().size();
        }
        int chosen = command;
        inLane(() -> histories.atCommand(instructor, history, chosen), moment -> show(moment, false));
    }

    private void showStep(long step) {
        if (step < history.bootPosition() || step > history.presentPosition()) {
            actions.problem(getTranslation("scrub.noSuchStep", step, history.bootPosition(), history.presentPosition()));
            showCommand(history.entries().size());
            return;
        }
        inLane(() -> histories.atPosition(instructor, history, step), moment -> show(moment, true));
    }

    private void show(ReplayedHistory.Moment moment, boolean byStep) {
        shown = moment;
        shownByStep = byStep;
        List<ReplayedHistory.Entry> entries = history.entries();
        console.show(entries.subList(0, moment.command()).stream().map(e -> new ConsoleEntry(e.command(), e.output(), true)).toList());
        commands.mark(moment.command());
        MachineState state = MachineState.fromSnapshot(moment.snapshotJson());
        MachineObjects objects = MachineObjects.fromSnapshot(moment.snapshotJson());
        explorer.show(state, objects);
        timeline.show(objects.currentStop(), objects.classic());
        String when = moment.command() == 0 ? getTranslation("scrub.booted")
                : BrowserTime.formatter("yyyy-MM-dd HH:mm:ss").format(entries.get(moment.command() - 1).acceptedAt());
        scrubber.showMoment(moment.command(), moment.position(), byStep
                ? getTranslation("scrub.moment.step", moment.position(), history.presentPosition(), moment.command(), entries.size(), when)
                : getTranslation("scrub.moment.command", moment.command(), entries.size(), moment.position(), history.presentPosition(), when));
        String query = byStep ? "step=" + moment.position() : "at=" + moment.command();
        UI.getCurrent().getPage().getHistory().replaceState(null, ROUTE + "/" + history.machineId() + "?" + query);
        actions.momentShown();
    }

    private void forkForMyself() {
        MachineForks.ForkPoint point = forkPoint();
        inLane(() -> forks.forkForMyself(instructor, history, point), forked -> actions.forked(forked, new RouterLink(
                getTranslation("fork.open", forked), WorkspaceView.class, forked)));
    }

    private void handToStudent() {
        MachineForks.ForkPoint point = forkPoint();
        inLane(() -> forks.handToStudent(instructor, history, point), forked -> actions.handedOver(forked, review.machine().ownerName()));
    }

    private MachineForks.ForkPoint forkPoint() {
        return shownByStep ? MachineForks.ForkPoint.atStep(shown.position()) : MachineForks.ForkPoint.afterCommand(shown.command());
    }

    /** Runs machine work in the instructor's observer lane (never on the request thread nor the common pool), then shows it. */
    private <T> void inLane(Supplier<T> job, Consumer<T> then) {
        UI ui = UI.getCurrent();
        CompletableFuture<T> result;
        try {
            result = work.submit(MachineWorkExecutor.observerLane(instructor), job);
        } catch (RejectedExecutionException busy) {
            // the slider was moved faster than moments are rebuilt: this move is dropped, the next one will come
            actions.problem(getTranslation("scrub.busy"));
            return;
        }
        result.whenComplete((value, failure) -> ui.access(() -> {
            if (failure == null) {
                then.accept(value);
                return;
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof MachineNotFoundException) {
                showNotFound(history == null ? -1 : history.machineId());
            } else if (history == null) {
                replaying.setVisible(false);
                title.setText(getTranslation("workspace.restoreFailed", cause.getMessage()));
            } else {
                actions.problem(cause.getMessage());
            }
        }));
    }

    private static Optional<Long> number(List<String> values) {
        if (values == null || values.isEmpty() || !values.getFirst().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(values.getFirst()));
    }

    private void showNotFound(long machineId) {
        removeAll();
        add(new H2(getTranslation("workspace.notFound")), new Paragraph(getTranslation("workspace.notFound.text", machineId)),
                new RouterLink(getTranslation("nav.classes"), ClassesView.class));
    }
}
