package com.ntprocesslab.ui.machine;

import com.ntprocesslab.lab.state.MachineChanges;
import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.state.Structure;
import com.ntprocesslab.lab.state.StructureField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.List;
import java.util.Optional;

/**
 * The machine's processes as a tree above, and below the selected process's EPROCESS,
 * threads, handle table, loader list and VADs, plus a structure inspector every address
 * link leads to.
 */
public class MachineExplorer extends SplitLayout {

    private final ProcessTree tree = new ProcessTree(this::select);
    private final TabSheet details = new TabSheet();
    private final Span selection = new Span();
    private final StructureView eprocess = new StructureView(getTranslation("details.eprocess.label"), this::inspect);
    private final FieldGrid threads = new FieldGrid("thread-grid", getTranslation("details.threads.label"), this::inspect,
            List.of("Cid.UniqueThread", "Tcb.State", "Tcb.SuspendCount", "Tcb.Priority", "Stage", "StartAddress", "Address"));
    private final FieldGrid handles = new FieldGrid("handle-grid", getTranslation("details.handles.label"), this::inspect,
            List.of("Handle", "Type", "Target", "GrantedAccess", "Inherit", "Object"));
    private final FieldGrid modules = new FieldGrid("module-grid", getTranslation("details.modules.label"), this::inspect,
            List.of("BaseDllName", "DllBase", "SizeOfImage", "EntryPoint", "FullDllName"));
    private final FieldGrid vads = new FieldGrid("vad-grid", getTranslation("details.vads.label"), this::inspect,
            List.of("StartingVpn", "EndingVpn", "Type", "Protection", "Mapped"));
    private final StructureInspector inspector = new StructureInspector();
    private Tab inspectorTab;
    /** Tree above details (the workspace), or beside them (the lab page). */
    private boolean stacked = true;
    /** Stacked: the tree's share of the height, and its share while the inspector is open. */
    private static final double TREE_SHARE = 52;
    private static final double TREE_SHARE_INSPECTING = 22;
    /** The machine as the previous command left it, and what the last command that changed it changed. */
    private MachineObjects shown;
    private MachineObjects beforeChange;
    private MachineChanges changes = MachineChanges.NONE;

    public MachineExplorer() {
        addClassName("machine-explorer");
        setOrientation(Orientation.VERTICAL);
        setSizeFull();
        addToPrimary(tree);
        VerticalLayout selected = new VerticalLayout(selection);
        selected.setPadding(false);
        selected.setSpacing(false);
        selected.setSizeFull();
        selected.addAndExpand(configureDetails());
        addToSecondary(selected);
        setSplitterPosition(TREE_SHARE);
    }

    /**
     * Tree and details side by side: on the lab page the explorer shares its column with the
     * console, and stacked the tree kept only about three rows at 1280x800.
     */
    public void placeSideBySide() {
        stacked = false;
        setOrientation(Orientation.HORIZONTAL);
        setSplitterPosition(62);
        // Stacked, the split sized the grid; side by side it must fill the pane's height itself (a grid's own default is 400px).
        tree.setHeightFull();
    }

    private TabSheet configureDetails() {
        details.setId("process-details");
        details.setSizeFull();
        selection.setId("selected-process");
        selection.addClassName("selected-process");
        selection.setText(getTranslation("details.none"));
        eprocess.setId("eprocess-fields");
        details.add(getTranslation("details.eprocess"), eprocess);
        details.add(getTranslation("details.threads"), threads);
        details.add(getTranslation("details.handles"), handles);
        details.add(getTranslation("details.modules"), modules);
        details.add(getTranslation("details.vads"), vads);
        inspectorTab = details.add(getTranslation("details.inspector"), inspector);
        details.addAttachListener(event -> keepOnlyTabsInTheTabList());
        // A structure is read down its fields (an EPROCESS has dozens): while the inspector is open the stacked
        // tree gives it most of the height (at 1920x1080 about 7 rows were left, now 15 and more); any other tab
        // brings the tree back to its share
        details.addSelectedChangeListener(event -> {
            if (stacked) {
                setSplitterPosition(details.getSelectedTab() == inspectorTab ? TREE_SHARE_INSPECTING : TREE_SHARE);
            }
        });
        return details;
    }

    /**
     * vaadin-tabs wraps its tabs in a scroller div of its own shadow DOM that it makes
     * focusable (tabindex -1): inside role tablist that is a focusable child which is not a
     * tab, and screen readers and axe-core report the list as broken. The tabs scroll with
     * the arrow buttons and move with the arrow keys without it, so the scroller is made
     * unfocusable once the element has rendered.
     */
    private void keepOnlyTabsInTheTabList() {
        details.getElement().executeJs("""
                const tabs = this.querySelector('vaadin-tabs');
                customElements.whenDefined('vaadin-tabs').then(() => tabs.updateComplete).then(() => {
                    const scroller = tabs.shadowRoot && tabs.shadowRoot.querySelector('[part~="tabs"]');
                    if (scroller) {
                        scroller.removeAttribute('tabindex');
                    }
                });""");
    }

    /** Shows the machine as it is now; called after every command, whichever tab sent it. */
    public void show(MachineState state, MachineObjects objects) {
        MachineChanges next = MachineChanges.between(shown, objects);
        if (shown == null || !next.isEmpty()) {
            // an inspection command changes nothing: the highlight of the last change stays
            changes = next;
            beforeChange = shown;
        }
        shown = objects;
        inspector.refresh(objects, changes);
        showDetails(tree.show(state, objects, changes));
    }

    private void select(Optional<ProcessRow> row) {
        showDetails(row);
        if (row.isPresent() && details.getSelectedTab() == inspectorTab) {
            details.setSelectedIndex(0);
        }
    }

    private void showDetails(Optional<ProcessRow> row) {
        // the PID in hex, as the tree beside it and the debugger print it
        selection.setText(row.map(r -> r.process().image() + " (" + String.format("0x%x", r.process().pid()) + ")").orElse(getTranslation("details.none")));
        Optional<Structure> process = row.map(ProcessRow::eprocess);
        process.ifPresentOrElse(p -> eprocess.show(p, changes), eprocess::clear);
        String address = process.map(Structure::address).orElse("");
        threads.show(process.map(p -> p.list("ThreadListHead")).orElse(List.of()), item -> change(address, "ThreadListHead", item));
        handles.show(process.map(p -> p.list("ObjectTable", "Handles")).orElse(List.of()), item -> change(address, "ObjectTable/Handles", item));
        modules.show(process.map(p -> p.list("Peb", "Ldr", "InLoadOrderModuleList")).orElse(List.of()),
                item -> change(address, "Peb/Ldr/InLoadOrderModuleList", item));
        vads.show(process.map(p -> p.list("VadRoot")).orElse(List.of()), item -> change(address, "VadRoot", item));
    }

    /** How a row of a details table is marked: a new entry, a changed one, or neither (see {@link MachineChanges}). */
    private String change(String address, String list, StructureField item) {
        String path = MachineChanges.itemPath(list, item);
        if (changes.added(address) || changes.addedItem(beforeChange, address, path)) {
            return "added";
        }
        return changes.changed(address, path) ? "changed" : null;
    }

    private void inspect(String address) {
        if (inspector.open(address)) {
            details.setSelectedTab(inspectorTab);
        }
    }
}
