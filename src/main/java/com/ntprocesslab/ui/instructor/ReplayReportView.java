package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.ui.layout.BrowserTime;
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
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Machines whose log, replayed by this kernel, answers differently from what the student saw
 * when the command was accepted: the instructor decides what to do about them. Only the
 * machines of the instructor's own students (and their own) are listed.
 */
@Route(ReplayReportView.ROUTE)
@PageTitle("Replay report | NT Process Lab")
@RolesAllowed("INSTRUCTOR")
public class ReplayReportView extends VerticalLayout {

    public static final String ROUTE = "instructor/replay-report";
    /** In the viewer's browser zone. */
    private final DateTimeFormatter when = BrowserTime.formatter("yyyy-MM-dd HH:mm");

    public ReplayReportView(MachineSessions sessions, AuthenticationContext authentication) {
        setSizeFull();
        Grid<ReplayDivergence> grid = new Grid<>(ReplayDivergence.class, false);
        grid.setId("divergences");
        grid.addColumn(ReplayDivergence::getMachineId).setHeader(getTranslation("replay.machine")).setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getSeq).setHeader(getTranslation("replay.seq")).setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getCommand).setHeader(getTranslation("replay.command")).setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getRecordedVersion).setHeader(getTranslation("replay.recordedVersion")).setAutoWidth(true);
        grid.addColumn(ReplayDivergence::getReplayVersion).setHeader(getTranslation("replay.replayVersion")).setAutoWidth(true);
        grid.addColumn(divergence -> rules(divergence.getRecordedVersion())).setHeader(getTranslation("replay.rules")).setAutoWidth(true);
        grid.addColumn(divergence -> when.format(divergence.getDetectedAt())).setHeader(getTranslation("replay.detected")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(divergence -> new Pre(
                getTranslation("replay.details", divergence.getRecordedOutput(), divergence.getReplayedOutput()))));
        var items = sessions.divergences(authentication.getPrincipalName().orElseThrow());
        grid.setItems(items);
        add(new H2(getTranslation("replay.title")),
                new Paragraph(items.isEmpty() ? getTranslation("replay.none") : getTranslation("replay.some", items.size())),
                new Paragraph(getTranslation("replay.olderKernels")));
        addAndExpand(grid);
    }

    /** How a log written by {@code version} replays: with the older kernel's rules it still follows, or this kernel's. */
    private String rules(String version) {
        List<Machine.OlderRule> rules = Machine.olderRules(version);
        if (rules.isEmpty()) {
            return getTranslation("replay.rule.current");
        }
        return rules.stream().map(rule -> getTranslation("replay.rule." + rule.name())).collect(Collectors.joining("; "));
    }
}
