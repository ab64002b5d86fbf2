package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.machine.ReplayDivergence;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Machines whose log, replayed by this kernel, answers differently from what the student saw
 * when the command was accepted: the instructor decides what to do about them.
 */
@Route(ReplayReportView.ROUTE)
@PageTitle("Replay report | NT Process Lab")
@RolesAllowed("INSTRUCTOR")
public class ReplayReportView extends VerticalLayout {

    public static final String ROUTE = "instructor/replay-report";

    public ReplayReportView(MachineSessions sessions) {
        setSizeFull();
        Grid<ReplayDivergence> grid = new Grid<>(ReplayDivergence.class, false);
        grid.setId("divergences");
        grid.addColumn(ReplayDivergence::getMachineId).setHeader("Machine").setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getSeq).setHeader("Command #").setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getCommand).setHeader("Command").setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getRecordedVersion).setHeader("Accepted by kernel").setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getReplayVersion).setHeader("Replayed by kernel").setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getDetectedAt).setHeader("Detected").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(divergence -> new Pre(
                "Recorded answer:\n" + divergence.getRecordedOutput() + "\n\nReplayed answer:\n" + divergence.getReplayedOutput())));
        var items = sessions.divergences();
        grid.setItems(items);
        add(new H2("Replay report"),
                new Paragraph(items.isEmpty()
                        ? "Every replayed machine answered exactly as it did when its commands were accepted."
                        : items.size() + " logged commands answer differently on replay. Select a row to compare the answers."));
        addAndExpand(grid);
    }
}
