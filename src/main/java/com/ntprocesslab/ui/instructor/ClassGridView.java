package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.ui.layout.BrowserTime;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.progress.ClassGrid;
import com.ntprocesslab.lab.progress.ClassResults;
import com.ntprocesslab.lab.progress.LabNotFoundException;
import com.ntprocesslab.lab.progress.Labs;
import com.ntprocesslab.lab.progress.RegradeSummary;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One class in one lab: students x checkpoints (latest result and number of checks), last
 * activity, a read-only look at each student's machine, a class re-grade with progress and
 * the results as CSV.
 */
@Route(ClassGridView.ROUTE)
@PageTitle("Class results | NT Process Lab")
@RolesAllowed("INSTRUCTOR")
public class ClassGridView extends VerticalLayout implements HasUrlParameter<Long> {

    public static final String ROUTE = "instructor/class";
    /** In the viewer's browser zone. */
    private final DateTimeFormatter when = BrowserTime.formatter("yyyy-MM-dd HH:mm");

    private final ClassResults results;
    private final Labs labs;
    private final MachineWorkExecutor work;
    private final String instructor;
    private final H2 title = new H2();
    private final ComboBox<Lab> lab = new ComboBox<>();
    private final Grid<ClassGrid.StudentRow> grid = new Grid<>();
    private final Button regrade = new Button();
    private final ProgressBar regradeProgress = new ProgressBar();
    private final Span regradeStatus = new Span();
    private final Anchor csv = new Anchor();
    private final Anchor json = new Anchor();
    private long classroomId;

    public ClassGridView(ClassResults results, Labs labs, MachineWorkExecutor work, AuthenticationContext authentication) {
        this.work = work;
        this.results = results;
        this.labs = labs;
        this.instructor = authentication.getPrincipalName().orElseThrow();
        setSizeFull();
        add(title, configureToolbar(), configureRegradeIndicator());
        addAndExpand(configureGrid());
    }

    private HorizontalLayout configureToolbar() {
        Language language = Language.of(getLocale());
        lab.setLabel(getTranslation("grid.lab"));
        lab.setId("grid-lab");
        lab.setItems(labs.labs());
        lab.setItemLabelGenerator(l -> l.title().in(language));
        lab.setWidth("28em");
        lab.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                show();
            }
        });
        regrade.setText(getTranslation("grid.regrade"));
        regrade.setId("regrade");
        regrade.addClickListener(click -> regrade());
        csv.setText(getTranslation("grid.csv"));
        csv.setId("csv-download");
        csv.getElement().setAttribute("download", true);
        json.setText(getTranslation("grid.json"));
        json.setId("json-download");
        json.getElement().setAttribute("download", true);
        HorizontalLayout toolbar = new HorizontalLayout(lab, regrade, csv, json);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private VerticalLayout configureRegradeIndicator() {
        regradeProgress.setId("regrade-progress");
        regradeProgress.getElement().setAttribute("aria-label", getTranslation("grid.regrade.label"));
        regradeStatus.setId("regrade-status");
        VerticalLayout indicator = new VerticalLayout(regradeStatus, regradeProgress);
        indicator.setPadding(false);
        indicator.setSpacing(false);
        regradeProgress.setVisible(false);
        return indicator;
    }

    private Grid<ClassGrid.StudentRow> configureGrid() {
        grid.setId("class-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        return grid;
    }

    @Override
    public void setParameter(BeforeEvent event, Long classroomId) {
        this.classroomId = classroomId;
        try {
            List<Lab> all = labs.labs();
            // ?lab=<id>: back from a student's machine to the lab it is for
            String wanted = event.getLocation().getQueryParameters().getSingleParameter("lab").orElse("");
            lab.setValue(all.stream().filter(l -> l.id().equals(wanted)).findFirst().orElse(all.isEmpty() ? null : all.getFirst()));
        } catch (ClassroomNotFoundException | LabNotFoundException notFound) {
            showNotFound();
        }
    }

    private void show() {
        ClassGrid results = this.results.grid(instructor, classroomId, lab.getValue().id());
        title.setText(getTranslation("grid.title", results.className()));
        Language language = Language.of(getLocale());
        grid.removeAllColumns();
        grid.addColumn(ClassGrid.StudentRow::student).setHeader(getTranslation("grid.student")).setAutoWidth(true).setFrozen(true);
        List<Checkpoint> checkpoints = results.checkpoints();
        for (int i = 0; i < checkpoints.size(); i++) {
            int index = i;
            Span header = new Span(checkpoints.get(i).id());
            header.getElement().setAttribute("title", checkpoints.get(i).title().in(language));
            grid.addComponentColumn(row -> cell(row, checkpoints.get(index), row.cells().get(index))).setHeader(header).setAutoWidth(true);
        }
        grid.addColumn(row -> row.passed() + " / " + checkpoints.size()).setHeader(getTranslation("grid.passed")).setAutoWidth(true);
        grid.addColumn(row -> row.lastActivity().map(when::format).orElse("—")).setHeader(getTranslation("grid.lastActivity")).setAutoWidth(true);
        grid.addComponentColumn(this::machineLink).setHeader(getTranslation("grid.machine")).setAutoWidth(true);
        grid.setItems(results.students());
        grid.getElement().setAttribute("aria-label", getTranslation("grid.label", results.lab().title().in(language)));
        csv.setHref(DownloadHandler.fromInputStream(download -> csvOf(results)));
        json.setHref(DownloadHandler.fromInputStream(download -> file(this.results.json(results), "results-" + results.lab().id() + ".json",
                "application/json")));
    }

    /** A passed cell links to the moment of the student's history where the checkpoint was first reached. */
    private Component cell(ClassGrid.StudentRow row, Checkpoint checkpoint, ClassGrid.Cell cell) {
        String state = cell.passed() ? "passed" : cell.tried() ? "notReached" : "notTried";
        String text = getTranslation("grid.cell." + state, cell.attempts());
        if (cell.reached().isPresent() && cell.reachedOn().isPresent()) {
            RouterLink moment = new RouterLink(text, StudentMachineView.class, cell.reachedOn().get());
            moment.setQueryParameters(QueryParameters.of("at", String.valueOf(cell.reached().get().position())));
            moment.getElement().setAttribute("aria-label", getTranslation("grid.cell.reached.label", row.student(), checkpoint.id()));
            moment.addClassName("grid-cell-" + state);
            return moment;
        }
        Span plain = new Span(text);
        plain.addClassName("grid-cell-" + state);
        return plain;
    }

    private Component machineLink(ClassGrid.StudentRow row) {
        return row.machineId().<Component>map(id -> {
            RouterLink link = new RouterLink(getTranslation("grid.openMachine"), StudentMachineView.class, id);
            link.getElement().setAttribute("aria-label", getTranslation("grid.openMachine.label", row.student()));
            return link;
        }).orElseGet(() -> new Span(getTranslation("grid.noMachine")));
    }

    private DownloadResponse csvOf(ClassGrid results) {
        StringBuilder text = new StringBuilder();
        try {
            this.results.writeCsv(results, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file(text.toString(), "results-" + results.lab().id() + ".csv", "text/csv");
    }

    private static DownloadResponse file(String text, String name, String type) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
    }

    /** Grades every student's lab machine again on the application's executor; the bar moves per student. */
    private void regrade() {
        UI ui = UI.getCurrent();
        String labId = lab.getValue().id();
        regrade.setEnabled(false);
        regradeProgress.setVisible(true);
        regradeProgress.setValue(0);
        regradeStatus.setText(getTranslation("grid.regrade.started"));
        work.submit(MachineWorkExecutor.observerLane(instructor), () -> results.regrade(instructor, classroomId, labId, (done, total, student) -> ui.access(() -> {
                    regradeProgress.setValue(total == 0 ? 1 : (double) done / total);
                    regradeStatus.setText(getTranslation("grid.regrade.progress", done, total, student));
                })))
                .whenComplete((summary, failure) -> ui.access(() -> regraded(summary, failure)));
    }

    private void regraded(RegradeSummary summary, Throwable failure) {
        regrade.setEnabled(true);
        regradeProgress.setVisible(false);
        if (failure != null) {
            regradeStatus.setText(getTranslation("grid.regrade.failed", (failure.getCause() != null ? failure.getCause() : failure).getMessage()));
            return;
        }
        regradeStatus.setText(getTranslation("grid.regrade.done", summary.students().size()));
        show();
    }

    private void showNotFound() {
        removeAll();
        add(new H2(getTranslation("workspace.notFound")), new Paragraph(getTranslation("grid.notFound", classroomId)),
                new RouterLink(getTranslation("nav.classes"), ClassesView.class));
    }
}
