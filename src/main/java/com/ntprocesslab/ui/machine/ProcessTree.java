package com.ntprocesslab.ui.machine;

import com.ntprocesslab.lab.state.MachineChanges;
import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.MachineState;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The machine's processes as a parent/child tree; selecting one tells the listener. */
class ProcessTree extends TreeGrid<ProcessRow> {

    private String selectedAddress = "";
    private MachineChanges changes = MachineChanges.NONE;

    ProcessTree(Consumer<Optional<ProcessRow>> selectionListener) {
        setId("process-tree");
        getElement().setAttribute("aria-label", getTranslation("processes.tree"));
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // a fixed start width that grows with the pane: an auto width (the deepest indented name) left no room for
        // "Exit status" at 1280x800 once the State column was sized for its longest label
        addHierarchyColumn(row -> row.process().image()).setHeader(getTranslation("processes.image"))
                .setWidth("12em").setFlexGrow(1).setResizable(true).setSortable(false);
        addColumn(row -> hex(row.process().pid())).setHeader(getTranslation("processes.pid")).setAutoWidth(true).setFlexGrow(0);
        addColumn(row -> hex(row.process().parentPid())).setHeader(getTranslation("processes.parent")).setAutoWidth(true).setFlexGrow(0);
        // wide enough for the longest state ("exited (zombie)") from the start: an auto width measured on the
        // rows first shown ("active") cut "suspended" short when a later command suspended a process
        addColumn(row -> getTranslation("processes.state." + row.state().name().toLowerCase()))
                .setHeader(getTranslation("processes.state")).setWidth(stateColumnWidth()).setFlexGrow(0).setKey("state");
        addColumn(row -> row.process().liveThreads().size()).setHeader(getTranslation("processes.threads")).setAutoWidth(true).setFlexGrow(0);
        addColumn(ProcessRow::exitStatus).setHeader(getTranslation("processes.exitStatus")).setAutoWidth(true).setFlexGrow(0);
        setPartNameGenerator(this::partNames);
        // The name sits in the tree's toggle, so a click on it would fold the branch: a click anywhere on a row selects its process instead.
        addCollapseListener(event -> {
            if (event.isFromClient()) {
                expand(event.getItems());
                ProcessRow row = event.getItems().iterator().next();
                select(row);
                selectedAddress = row.address();
                selectionListener.accept(Optional.of(row));
            }
        });
        asSingleSelect().addValueChangeListener(event -> {
            if (event.isFromClient()) {
                selectedAddress = event.getValue() == null ? "" : event.getValue().address();
                selectionListener.accept(Optional.ofNullable(event.getValue()));
            }
        });
    }

    /** Shows the machine as it is now, keeping the selected process selected while it exists. */
    Optional<ProcessRow> show(MachineState state, MachineObjects objects, MachineChanges changed) {
        changes = changed;
        List<ProcessRow> rows = new ArrayList<>();
        for (int i = 0; i < state.processes().size(); i++) {
            rows.add(new ProcessRow(state.processes().get(i), objects.processes().get(i)));
        }
        TreeData<ProcessRow> tree = new TreeData<>();
        for (ProcessRow row : rows) {
            addWithAncestors(tree, rows, row);
        }
        setDataProvider(new TreeDataProvider<>(tree));
        expandRecursively(tree.getRootItems(), Integer.MAX_VALUE);
        // A process that just exited needs a wider state column than any before it.
        recalculateColumnWidths();
        Optional<ProcessRow> selected = rows.stream().filter(r -> r.address().equals(selectedAddress)).findFirst();
        selected.ifPresentOrElse(this::select, this::deselectAll);
        if (selected.isEmpty()) {
            // New processes join the end of the active list, which is where a student looks after a command.
            scrollToEnd();
        }
        return selected;
    }

    private void addWithAncestors(TreeData<ProcessRow> tree, List<ProcessRow> rows, ProcessRow row) {
        if (tree.contains(row)) {
            return;
        }
        Optional<ProcessRow> parent = rows.stream().filter(candidate -> candidate.isParentOf(row)).findFirst();
        parent.ifPresent(p -> addWithAncestors(tree, rows, p));
        tree.addItem(parent.orElse(null), row);
    }

    /** A zombie in the error colour; a process the last command created, or whose EPROCESS it changed, highlighted. */
    private String partNames(ProcessRow row) {
        String change = changes.added(row.address()) ? "added" : changes.changed(row.address()) ? "changed" : null;
        String zombie = row.state() == ProcessRow.State.EXITED ? "zombie" : null;
        return zombie == null ? change : change == null ? zombie : zombie + " " + change;
    }

    /** The longest state label in this UI's language, in ch (one monospace-wide character each), plus the cell padding. */
    private String stateColumnWidth() {
        int longest = 0;
        for (ProcessRow.State state : ProcessRow.State.values()) {
            longest = Math.max(longest, getTranslation("processes.state." + state.name().toLowerCase()).length());
        }
        // CJK characters are about two ch wide
        boolean wide = getTranslation("processes.state.active").chars().anyMatch(c -> c > 0x2e80);
        return "calc(" + (wide ? 2 * longest : longest) + "ch + var(--lumo-space-m))";
    }

    /** PIDs as the debugger prints them. */
    private static String hex(long value) {
        return String.format("0x%x", value);
    }
}
