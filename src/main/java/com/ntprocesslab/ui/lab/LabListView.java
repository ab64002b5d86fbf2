package com.ntprocesslab.ui.lab;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.LabProblem;
import com.ntprocesslab.lab.progress.LabProgress;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.ui.layout.MainLayout;
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
import java.util.List;

/** The labs a student can open; an instructor also sees broken labs and can reload them from disk. */
@Route(value = LabListView.ROUTE, layout = MainLayout.class)
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
        add(new H2(getTranslation("labs.title")), list);
        boolean instructor = authentication.hasRole("INSTRUCTOR");
        if (instructor) {
            Button reload = new Button(getTranslation("labs.reload"), click -> reload());
            reload.setId("reload-labs");
            add(reload, problems, new RegradePanel(labs, labs.labs()));
        }
        show(labs.labs(), instructor ? labs.catalog().problems() : List.of());
    }

    private void reload() {
        LabCatalog.Contents contents = labs.reloadLabs();
        show(contents.labs(), contents.problems());
        Notification.show(getTranslation("labs.reloaded", contents.labs().size(), contents.problems().size()));
    }

    private void show(List<Lab> all, List<LabProblem> broken) {
        Language language = Language.of(getLocale());
        list.removeAll();
        for (Lab lab : all) {
            Span difficulty = new Span(lab.difficulty());
            difficulty.getElement().getThemeList().add("badge contrast");
            list.add(new ListItem(new RouterLink(lab.title().in(language), LabView.class, lab.id()), new Span(" "), difficulty));
        }
        problems.removeAll();
        if (!broken.isEmpty()) {
            UnorderedList items = new UnorderedList();
            broken.forEach(problem -> items.add(new ListItem(problem.toString())));
            problems.add(new H3(getTranslation("labs.problems")), items);
        }
    }
}
