package com.ntprocesslab.ui.machine;

import com.ntprocesslab.lab.state.MachineChanges;
import com.ntprocesslab.lab.state.Structure;
import com.ntprocesslab.lab.state.StructureField;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.List;
import java.util.function.Consumer;

/** A structure as {@code dt} prints it: field, value; nested members fold out; addresses are links. */
class StructureView extends TreeGrid<StructureView.Row> {

    /** Identity, not value, equality: two equal fields in different places are two rows. */
    static final class Row {
        final StructureField field;
        /** The field's path from the structure, as {@link MachineChanges} names it. */
        final String path;

        Row(StructureField field, String path) {
            this.field = field;
            this.path = path;
        }
    }

    private String address = "";
    private MachineChanges changes = MachineChanges.NONE;

    StructureView(String ariaLabel, Consumer<String> opener) {
        addClassName("structure-view");
        getElement().setAttribute("aria-label", ariaLabel);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        addHierarchyColumn(row -> row.field.name()).setHeader(getTranslation("inspector.field")).setFlexGrow(2).setResizable(true).setSortable(false);
        addComponentColumn(row -> AddressLink.of(row.field, opener)).setHeader(getTranslation("inspector.value")).setFlexGrow(3);
        // what the last command changed: a new structure, or the fields (and the members holding them) it set
        setPartNameGenerator(row -> changes.added(address) ? "added" : changes.changed(address, row.path) ? "changed" : null);
    }

    void show(Structure structure) {
        show(structure, MachineChanges.NONE);
    }

    void show(Structure structure, MachineChanges changed) {
        address = structure.address();
        changes = changed;
        TreeData<Row> tree = new TreeData<>();
        add(tree, null, "", structure.fields());
        setDataProvider(new TreeDataProvider<>(tree));
        scrollToFirstChange(tree.getRootItems());
    }

    /**
     * A step that sets a field far down a long structure (an EPROCESS has dozens) brings it into
     * view, so a student stepping through PspAllocateProcess watches the fields fill; a new
     * structure, all of it added, starts at its top.
     */
    private void scrollToFirstChange(List<Row> fields) {
        if (changes.added(address)) {
            return;
        }
        for (int index = 0; index < fields.size(); index++) {
            if (changes.changed(address, fields.get(index).path)) {
                scrollToIndex(index);
                return;
            }
        }
    }

    void clear() {
        setDataProvider(new TreeDataProvider<>(new TreeData<>()));
    }

    private static void add(TreeData<Row> tree, Row parent, String parentPath, List<StructureField> fields) {
        for (StructureField field : fields) {
            String name = field.name().startsWith("[") ? MachineChanges.key(field) : field.name();
            Row row = new Row(field, parentPath.isEmpty() ? name : parentPath + "/" + name);
            tree.addItem(parent, row);
            add(tree, row, row.path, field.children());
        }
    }
}
