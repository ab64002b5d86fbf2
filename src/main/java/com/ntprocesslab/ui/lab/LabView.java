package com.ntprocesslab.ui.lab;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.progress.CheckReport;
import com.ntprocesslab.lab.progress.LabChecks;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.lab.progress.LabNotFoundException;
import com.ntprocesslab.lab.progress.Labs;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.session.MachineHeldElsewhereException;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.session.ReplayProgress;
import com.ntprocesslab.ui.workspace.MachineWorkbench;
import com.ntprocesslab.ui.workspace.HeldElsewhereNotice;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * A lab as a student works on it, all on one screen: the instructions (with copy and run
 * buttons on their command blocks) and the checkpoints on the left; the console above the
 * machine's process tree on the right. Check grades the machine over its whole history.
 */
@Route(LabView.ROUTE)
@PermitAll
public class LabView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final String ROUTE = "lab";

    private final Labs labs;
    private final LabMachines machines;
    private final LabChecks checks;
    private final MachineSessions sessions;
    private final String username;
    private final MachineWorkbench workbench;
    private final H2 title = new H2();
    private final Div readme = new Div();
    private final CheckpointList checkpoints = new CheckpointList();
    private final Div completion = new Div();
    private final Div solution = new Div();
    private Lab lab;
    private long machineId;

    public LabView(Labs labs, LabMachines machines, LabChecks checks, MachineSessions sessions, MachineWorkExecutor work,
                   AuthenticationContext authentication) {
        this.labs = labs;
        this.machines = machines;
        this.checks = checks;
        this.sessions = sessions;
        this.username = authentication.getPrincipalName().orElseThrow();
        this.workbench = new MachineWorkbench(sessions, work, username);
        workbench.setRetiredListener(successor -> showMachine());
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        addClassName("lab-page");
        add(configureHeader());
        addAndExpand(configureBody());
    }

    private HorizontalLayout configureHeader() {
        Button reset = new Button(getTranslation("lab.reset"), click -> confirmReset());
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, new RouterLink(getTranslation("lab.allLabs"), LabListView.class), reset);
        header.addClassName("lab-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(title);
        return header;
    }

    private SplitLayout configureBody() {
        readme.setId("lab-readme");
        readme.setWidthFull();
        checkpoints.setWidthFull();
        Button check = new Button(getTranslation("lab.check"), click -> check());
        check.setId("check-button");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        completion.setId("lab-complete");
        completion.addClassName("lab-complete");
        completion.setVisible(false);
        solution.setId("lab-solution");
        Div instructions = new Div(readme, check, checkpoints, completion, solution);
        instructions.addClassName("lab-instructions");
        instructions.setId("lab-instructions");
        Div consolePane = new Div(workbench.timeline(), workbench.console());
        consolePane.addClassName("lab-console-pane");
        workbench.explorer().addClassName("lab-explorer");
        workbench.explorer().placeSideBySide();
        SplitLayout machine = new SplitLayout(consolePane, workbench.explorer(), SplitLayout.Orientation.VERTICAL);
        machine.addClassName("lab-machine");
        machine.setSplitterPosition(58);
        SplitLayout body = new SplitLayout(instructions, machine);
        body.addClassName("lab-body");
        body.setSizeFull();
        body.setSplitterPosition(42);
        return body;
    }

    @Override
    public void setParameter(BeforeEvent event, String labId) {
        try {
            lab = labs.lab(labId);
            showTexts();
            showMachine();
        } catch (LabNotFoundException | MachineNotFoundException notFound) {
            removeAll();
            add(new H2(getTranslation("lab.notFound")), new Paragraph(notFound.getMessage()),
                    new RouterLink(getTranslation("lab.allLabs"), LabListView.class));
        } catch (MachineHeldElsewhereException held) {
            removeAll();
            add(new HeldElsewhereNotice(held, sessions));
        }
    }

    /** The student's active machine for the lab: on arrival, and again when the one shown was reset in another tab. */
    private void showMachine() {
        machineId = machines.openLab(username, lab.id());
        workbench.show(machineId, sessions.open(machineId, username, ReplayProgress.NONE));
    }

    @Override
    public String getPageTitle() {
        return (lab == null ? "Lab" : lab.title().in(language())) + " | NT Process Lab";
    }

    /** Lab texts follow the UI's language (the app-wide switch). */
    private Language language() {
        return Language.of(getLocale());
    }

    private void showTexts() {
        Language current = language();
        title.setText(lab.title().in(current));
        readme.removeAll();
        Markdown.render(lab.readme().in(current), commands -> new CommandBlock(commands, workbench::runAll)).forEach(readme::add);
        checkpoints.showOutcomes(checks.reachedSoFar(username, lab.id()), current, false);
        showSolutionOffer(checks.solutionOffered(username, lab.id()));
    }

    private void check() {
        CheckReport report = checks.check(username, lab.id());
        checkpoints.showOutcomes(report.outcomes(), language(), true);
        showCompletion(report);
        showSolutionOffer(report.solutionOffered() && !report.complete());
        checkpoints.scrollIntoView();
    }

    /** When every checkpoint is reached: say so, and lead to the next lab (or back to the catalog after the last). */
    private void showCompletion(CheckReport report) {
        completion.removeAll();
        completion.setVisible(report.complete());
        if (report.complete()) {
            completion.getElement().setAttribute("role", "status");
            completion.add(new Paragraph(getTranslation("lab.complete")));
            completion.add(report.nextLab()
                    .map(next -> new RouterLink(getTranslation("lab.complete.next", next.title().in(language())), LabView.class, next.id()))
                    .orElseGet(() -> new RouterLink(getTranslation("lab.complete.catalog"), LabListView.class)));
        }
    }

    /** The solution comes from the service, which refuses it unless it is released to this student now. */
    private void showSolutionOffer(boolean offered) {
        solution.removeAll();
        if (offered) {
            Button show = new Button(getTranslation("lab.solution.show"), click -> {
                solution.removeAll();
                try {
                    solution.add(new Paragraph(getTranslation("lab.solution.title")),
                            new Pre(String.join("\n", checks.solution(username, lab.id()))));
                } catch (AccessRefusedException withheld) {
                    solution.add(new Paragraph(withheld.getMessage()));
                }
            });
            show.setId("show-solution");
            solution.add(show);
        }
    }

    private void confirmReset() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("lab.reset.title"), getTranslation("lab.reset.text"),
                getTranslation("lab.reset.confirm"), confirmed -> {
                    machineId = machines.resetLab(username, lab.id());
                    workbench.show(machineId, sessions.open(machineId, username, ReplayProgress.NONE));
                    checkpoints.showOutcomes(checks.reachedSoFar(username, lab.id()), language(), false);
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
