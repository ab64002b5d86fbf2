package com.ntprocesslab.ui.lab;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.LabProblem;
import com.ntprocesslab.lab.progress.LabProgress;
import com.ntprocesslab.lab.text.Language;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The labs a student can open; an instructor can also reload them from disk and see broken ones. */
@Route(LabListView.ROUTE)
@PageTitle("Labs | NT Process Lab")
@PermitAll
public class LabListView extends VerticalLayout {

    public static final String ROUTE = "labs";

    private final LabProgress labs;
    private final UnorderedList list = new UnorderedList();
    private final Div problems = new Div();

    public LabListView(LabProgress labs, AuthenticationContext authentication) {
        this.labs = labs;
        list.setId("lab-list");
        problems.setId("lab-problems");
        add(new H2("Labs"), new RouterLink("Back to my sandbox", com.ntprocesslab.ui.workspace.HomeView.class), list);
        if (authentication.hasRole("INSTRUCTOR")) {
            Button reload = new Button("Reload labs", click -> reload());
            reload.setId("reload-labs");
            add(reload, problems);
        }
        show(labs.labs(), authentication.hasRole("INSTRUCTOR") ? labs.catalog() : null);
    }

    private void reload() {
        LabCatalog.Contents contents = labs.reloadLabs();
        show(contents.labs(), contents);
        Notification.show("Reloaded: " + contents.labs().size() + " lab(s), " + contents.problems().size() + " problem(s).");
    }

    private void show(java.util.List<Lab> all, LabCatalog.Contents contents) {
        Language language = UiLanguage.current();
        list.removeAll();
        for (Lab lab : all) {
            RouterLink open = new RouterLink(lab.title().in(language), LabView.class, lab.id());
            Span difficulty = new Span(lab.difficulty());
            difficulty.getElement().getThemeList().add("badge contrast");
            list.add(new ListItem(open, new Span(" "), difficulty));
        }
        problems.removeAll();
        if (contents != null && !contents.problems().isEmpty()) {
            UnorderedList broken = new UnorderedList();
            for (LabProblem problem : contents.problems()) {
                broken.add(new ListItem(problem.toString()));
            }
            problems.add(new H3("Problems"), broken);
        }
    }
}
