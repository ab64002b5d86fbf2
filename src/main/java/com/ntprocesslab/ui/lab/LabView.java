package com.ntprocesslab.ui.lab;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.progress.LabNotFoundException;
import com.ntprocesslab.lab.progress.LabProgress;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.session.ReplayProgress;
import com.ntprocesslab.ui.layout.MainLayout;
import com.ntprocesslab.ui.workspace.MachineWorkbench;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * A lab as a student works on it: the instructions and checkpoints on the left, the console of
 * the student's machine for this lab on the right, and a Check button that grades the machine.
 */
@Route(value = LabView.ROUTE, layout = MainLayout.class)
@PermitAll
public class LabView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final String ROUTE = "lab";

    private final LabProgress labs;
    private final MachineSessions sessions;
    private final String username;
    private final MachineWorkbench workbench;
    private final H2 title = new H2();
    private final Div readme = new Div();
    private final CheckpointList checkpoints = new CheckpointList();
    private Lab lab;
    private long machineId;

    public LabView(LabProgress labs, MachineSessions sessions, MachineWorkExecutor work, AuthenticationContext authentication) {
        this.labs = labs;
        this.sessions = sessions;
        this.username = authentication.getPrincipalName().orElseThrow();
        this.workbench = new MachineWorkbench(sessions, work, username);
        workbench.setRetiredListener(successor -> showMachine());
        setSizeFull();
        addClassName("lab-page");
        add(configureHeader());
        addAndExpand(configureBody());
    }

    private HorizontalLayout configureHeader() {
        Button reset = new Button(getTranslation("lab.reset"), click -> confirmReset());
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, new RouterLink(getTranslation("lab.allLabs"), LabListView.class), reset);
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
        VerticalLayout instructions = new VerticalLayout(readme, check, checkpoints);
        instructions.addClassName("lab-instructions");
        TabSheet side = new TabSheet();
        side.setId("lab-side");
        side.setSizeFull();
        side.add(getTranslation("lab.tab.instructions"), instructions);
        side.add(getTranslation("lab.tab.machine"), workbench.explorer());
        VerticalLayout debugger = new VerticalLayout(workbench.timeline());
        debugger.setPadding(false);
        debugger.setSizeFull();
        debugger.addAndExpand(workbench.console());
        SplitLayout body = new SplitLayout(side, debugger);
        body.setSizeFull();
        body.setSplitterPosition(48);
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
        }
    }

    /** The student's active machine for the lab: on arrival, and again when the one shown was reset in another tab. */
    private void showMachine() {
        machineId = labs.openLab(username, lab.id());
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
        readme.add(Markdown.render(lab.readme().in(current)));
        checkpoints.showUnchecked(lab, current);
    }

    private void check() {
        checkpoints.showOutcomes(labs.check(username, lab.id()), language());
        checkpoints.scrollIntoView();
    }

    private void confirmReset() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("lab.reset.title"), getTranslation("lab.reset.text"),
                getTranslation("lab.reset.confirm"), confirmed -> {
                    machineId = labs.resetLab(username, lab.id());
                    workbench.show(machineId, sessions.open(machineId, username, ReplayProgress.NONE));
                    checkpoints.showUnchecked(lab, language());
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
