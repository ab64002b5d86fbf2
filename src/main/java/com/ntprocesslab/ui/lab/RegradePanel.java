package com.ntprocesslab.ui.lab;

import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.progress.ClassRegrade;
import com.ntprocesslab.lab.progress.RegradeSummary;
import com.ntprocesslab.lab.text.Language;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.util.List;

/**
 * An instructor re-grades their students' machines for a lab (every class they teach), after
 * editing it: each machine is replayed from its log in the background while a progress bar follows.
 */
class RegradePanel extends Div {

    private final ClassRegrade regrades;
    private final MachineWorkExecutor work;
    private final String instructor;
    private final Select<Lab> lab = new Select<>();
    private final Button start = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final UnorderedList results = new UnorderedList();

    RegradePanel(ClassRegrade regrades, MachineWorkExecutor work, String instructor, List<Lab> all) {
        this.regrades = regrades;
        this.work = work;
        this.instructor = instructor;
        setId("regrade");
        Language language = Language.of(getLocale());
        lab.setLabel(getTranslation("labs.regrade.lab"));
        lab.setItems(all);
        lab.setItemLabelGenerator(l -> l.title().in(language));
        lab.setId("regrade-lab");
        lab.setWidth("30em");
        start.setText(getTranslation("labs.regrade.start"));
        start.setId("regrade-start");
        start.addClickListener(click -> regrade());
        progress.setVisible(false);
        progress.setId("regrade-progress");
        progress.getElement().setAttribute("aria-label", getTranslation("labs.regrade"));
        status.setId("regrade-status");
        results.setId("regrade-results");
        HorizontalLayout controls = new HorizontalLayout(lab, start);
        controls.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new H3(getTranslation("labs.regrade")), controls, progress, status, results);
    }

    private void regrade() {
        Lab chosen = lab.getValue();
        if (chosen == null) {
            status.setText(getTranslation("labs.regrade.choose"));
            return;
        }
        UI ui = UI.getCurrent();
        start.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        results.removeAll();
        work.submit(MachineWorkExecutor.observerLane(instructor), () -> regrades.regrade(instructor, chosen.id(), (done, total, student) -> ui.access(() -> {
                    progress.setValue((double) done / total);
                    status.setText(getTranslation("labs.regrade.progress", done, total, student));
                })))
                .whenComplete((summary, failure) -> ui.access(() -> show(summary, failure)));
    }

    private void show(RegradeSummary summary, Throwable failure) {
        start.setEnabled(true);
        progress.setVisible(false);
        if (failure != null) {
            status.setText(getTranslation("labs.regrade.failed", failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage()));
            return;
        }
        status.setText(getTranslation("labs.regrade.done", summary.students().size()));
        for (RegradeSummary.StudentGrade grade : summary.students()) {
            results.add(new ListItem(getTranslation("labs.regrade.student", grade.student(), grade.passed(), grade.checkpoints())));
        }
    }
}
