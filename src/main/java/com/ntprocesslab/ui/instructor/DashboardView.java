package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.ui.layout.BrowserTime;
import com.ntprocesslab.lab.progress.InstructorDashboard;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Where an instructor lands: their classes, their students' latest commands, and who is stuck on a checkpoint. */
@Route(DashboardView.ROUTE)
@PageTitle("Dashboard | NT Process Lab")
@RolesAllowed("INSTRUCTOR")
public class DashboardView extends VerticalLayout {

    public static final String ROUTE = "instructor";
    /** In the viewer's browser zone. */
    private final DateTimeFormatter when = BrowserTime.formatter("yyyy-MM-dd HH:mm:ss");

    private final String instructor;

    public DashboardView(InstructorDashboard dashboards, AuthenticationContext authentication) {
        this.instructor = authentication.getPrincipalName().orElseThrow();
        InstructorDashboard.Dashboard dashboard = dashboards.dashboard(instructor);
        add(new H2(getTranslation("dashboard.title")));
        add(section("dashboard.classes", "dashboard.classes.none", configureClasses(dashboard.classes()), dashboard.classes()));
        add(section("dashboard.stuck", "dashboard.stuck.none", configureStuck(dashboard.stuck()), dashboard.stuck()));
        add(section("dashboard.recent", "dashboard.recent.none", configureRecent(dashboard.recent()), dashboard.recent()));
    }

    private Component section(String title, String none, Grid<?> grid, List<?> rows) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation(title)));
        section.setPadding(false);
        section.setSpacing(false);
        if (rows.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(none));
            empty.setId(grid.getId().orElseThrow() + "-none");
            section.add(empty);
        } else {
            section.add(grid);
        }
        return section;
    }

    private Grid<InstructorDashboard.ClassSummary> configureClasses(List<InstructorDashboard.ClassSummary> classes) {
        Grid<InstructorDashboard.ClassSummary> grid = grid("dashboard-classes", "dashboard.classes.label");
        grid.addComponentColumn(c -> new RouterLink(c.name(), ClassGridView.class, c.classroomId())).setHeader(getTranslation("classes.name"))
                .setAutoWidth(true);
        grid.addColumn(InstructorDashboard.ClassSummary::joinCode).setHeader(getTranslation("classes.code")).setAutoWidth(true);
        grid.addColumn(InstructorDashboard.ClassSummary::students).setHeader(getTranslation("classes.students")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            RouterLink lecture = new RouterLink(getTranslation("dashboard.lecture"), LectureView.class, c.classroomId());
            lecture.getElement().setAttribute("aria-label", getTranslation("dashboard.lecture.label", c.name()));
            return lecture;
        }).setHeader(getTranslation("lecture.title")).setAutoWidth(true);
        grid.setItems(classes);
        return grid;
    }

    private Grid<InstructorDashboard.Stuck> configureStuck(List<InstructorDashboard.Stuck> stuck) {
        Grid<InstructorDashboard.Stuck> grid = grid("dashboard-stuck", "dashboard.stuck.label");
        grid.addColumn(InstructorDashboard.Stuck::student).setHeader(getTranslation("grid.student")).setAutoWidth(true);
        grid.addColumn(InstructorDashboard.Stuck::labId).setHeader(getTranslation("grid.lab")).setAutoWidth(true);
        grid.addColumn(InstructorDashboard.Stuck::checkpointId).setHeader(getTranslation("dashboard.checkpoint")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("dashboard.minutes", s.stuckFor().toMinutes())).setHeader(getTranslation("dashboard.stuckFor"))
                .setAutoWidth(true);
        grid.addComponentColumn(s -> moment(getTranslation("dashboard.look"), s.machineId(), s.commands(),
                getTranslation("dashboard.look.label", s.student()))).setAutoWidth(true);
        grid.setItems(stuck);
        return grid;
    }

    private Grid<InstructorDashboard.Activity> configureRecent(List<InstructorDashboard.Activity> recent) {
        Grid<InstructorDashboard.Activity> grid = grid("dashboard-recent", "dashboard.recent.label");
        grid.addColumn(a -> when.format(a.at())).setHeader(getTranslation("history.time")).setAutoWidth(true);
        grid.addColumn(InstructorDashboard.Activity::student).setHeader(getTranslation("grid.student")).setAutoWidth(true);
        grid.addColumn(InstructorDashboard.Activity::purpose).setHeader(getTranslation("grid.lab")).setAutoWidth(true);
        grid.addComponentColumn(a -> moment(a.command(), a.machineId(), a.commandIndex(),
                getTranslation("dashboard.recent.link", a.student(), a.commandIndex()))).setHeader(getTranslation("history.command"))
                .setFlexGrow(1);
        grid.setItems(recent);
        return grid;
    }

    private RouterLink moment(String text, long machineId, long command, String label) {
        RouterLink link = new RouterLink(text, StudentMachineView.class, machineId);
        link.setQueryParameters(QueryParameters.of("at", String.valueOf(command)));
        link.getElement().setAttribute("aria-label", label);
        return link;
    }

    private <T> Grid<T> grid(String id, String label) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", getTranslation(label));
        return grid;
    }
}
