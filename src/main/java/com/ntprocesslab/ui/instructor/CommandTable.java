package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.ui.layout.BrowserTime;
import com.ntprocesslab.session.ReplayedHistory;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.IntConsumer;

/** Every command of the student's history with the time it was accepted; choosing one shows the machine after it. */
class CommandTable extends Grid<ReplayedHistory.Entry> {

    /** In the viewer's browser zone. */
    final DateTimeFormatter when = BrowserTime.formatter("yyyy-MM-dd HH:mm:ss");

    private List<ReplayedHistory.Entry> entries = List.of();

    CommandTable() {
        setId("command-history");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(ReplayedHistory.Entry::index).setHeader("#").setWidth("4.5em").setFlexGrow(0);
        addColumn(entry -> when.format(entry.acceptedAt())).setHeader(getTranslation("history.time")).setWidth("11em").setFlexGrow(0);
        addColumn(ReplayedHistory.Entry::command).setHeader(getTranslation("history.command")).setFlexGrow(1)
                .setTooltipGenerator(ReplayedHistory.Entry::command);
        getElement().setAttribute("aria-label", getTranslation("history.label"));
        setSizeFull();
    }

    void show(List<ReplayedHistory.Entry> history) {
        entries = history;
        setItems(history);
    }

    /** Calls back with the command index (1 is the first) of the row the instructor picks. */
    void addChosenListener(IntConsumer listener) {
        addItemClickListener(click -> listener.accept(click.getItem().index()));
    }

    /** Selects and scrolls to the last command run at the moment shown (none right after boot). */
    void mark(int command) {
        if (command == 0) {
            deselectAll();
            scrollToStart();
            return;
        }
        select(entries.get(command - 1));
        scrollToIndex(command - 1);
    }
}
