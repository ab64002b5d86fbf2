package com.ntprocesslab.ui.lab;

import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.LabProblem;
import com.ntprocesslab.lab.progress.ClassRegrade;
import com.ntprocesslab.lab.progress.LabStandings;
import com.ntprocesslab.lab.progress.Labs;
import com.ntprocesslab.lab.progress.LabStanding;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.ui.workspace.SandboxView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The lab catalog, the students' landing page: every lab with its difficulty and the
 * student's progress, and the free sandbox. An instructor also sees broken labs and can
 * reload them from disk.
 */
@Route(LabListView.ROUTE)
@PageTitle("Labs | NT Process Lab")
@PermitAll
public class LabListView extends VerticalLayout {

    public static final String ROUTE = "labs";

    private final Labs labs;
    private final LabStandings standings;
    private final String username;
    private final Grid<LabStanding> list = new Grid<>();
    private final Div problems = new Div();

    public LabListView(Labs labs, LabStandings standings, ClassRegrade regrades, MachineWorkExecutor work,
                       AuthenticationContext authentication) {
        this.labs = labs;
        this.standings = standings;
        this.username = authentication.getPrincipalName().orElseThrow();
        addClassName("lab-catalog");
        add(new H2(getTranslation("labs.title")), configureSandbox(), configureList());
        boolean instructor = authentication.hasRole("INSTRUCTOR");
        if (instructor) {
            Button reload = new Button(getTranslation("labs.reload"), click -> reload());
            reload.setId("reload-labs");
            problems.setId("lab-problems");
            add(reload, problems, new RegradePanel(regrades, work, username, labs.labs()));
        }
        show(instructor ? labs.catalog(username).problems() : List.of());
    }

    private Component configureSandbox() {
        RouterLink open = new RouterLink(getTranslation("labs.sandbox.open"), SandboxView.class);
        open.setId("sandbox-link");
        HorizontalLayout card = new HorizontalLayout(new Span(getTranslation("labs.sandbox.text")), open);
        card.addClassName("sandbox-card");
        card.setAlignItems(Alignment.BASELINE);
        return card;
    }

    private Grid<LabStanding> configureList() {
        list.setId("lab-list");
        list.getElement().setAttribute("aria-label", getTranslation("labs.title"));
        list.setAllRowsVisible(true);
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        list.addComponentColumn(standing -> new RouterLink(standing.lab().title().in(language()), LabView.class, standing.lab().id()))
                .setHeader(getTranslation("labs.column.title")).setFlexGrow(4);
        list.addComponentColumn(standing -> badge(standing.lab().difficulty()))
                .setHeader(getTranslation("labs.column.difficulty")).setAutoWidth(true).setFlexGrow(0);
        list.addComponentColumn(this::progress).setHeader(getTranslation("labs.column.progress")).setFlexGrow(2);
        return list;
    }

    private Component progress(LabStanding standing) {
        ProgressBar bar = new ProgressBar(0, Math.max(1, standing.checkpoints()), standing.passed());
        String text = standing.started() ? getTranslation("labs.progress", standing.passed(), standing.checkpoints())
                : getTranslation("labs.notStarted", standing.checkpoints());
        bar.getElement().setAttribute("aria-label", text);
        Span label = new Span(text);
        label.addClassName("lab-progress-text");
        VerticalLayout cell = new VerticalLayout(label, bar);
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    private Span badge(String difficulty) {
        Span badge = new Span(getTranslation("labs.difficulty." + difficulty));
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    private Language language() {
        return Language.of(getLocale());
    }

    private void reload() {
        LabCatalog.Contents contents = labs.reloadLabs(username);
        show(contents.problems());
        Notification.show(getTranslation("labs.reloaded", contents.labs().size(), contents.problems().size()));
    }

    private void show(List<LabProblem> broken) {
        list.setItems(standings.standings(username));
        problems.removeAll();
        if (!broken.isEmpty()) {
            UnorderedList items = new UnorderedList();
            broken.forEach(problem -> items.add(new ListItem(problem.toString())));
            problems.add(new H3(getTranslation("labs.problems")), items);
        }
    }
}
