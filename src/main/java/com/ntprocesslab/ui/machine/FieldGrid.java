package com.ntprocesslab.ui.machine;

import com.ntprocesslab.lab.state.StructureField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A list of like structures (threads, handles, loader entries, VADs) as a table with one
 * column per chosen member; members holding an object's address are links to it.
 */
class FieldGrid extends Grid<StructureField> {

    FieldGrid(String id, String ariaLabel, Consumer<String> opener, List<String> members) {
        setId(id);
        getElement().setAttribute("aria-label", ariaLabel);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        for (String member : members) {
            addComponentColumn(item -> AddressLink.of(leaf(item, member), opener)).setHeader(member.substring(member.lastIndexOf('.') + 1)).setAutoWidth(true).setResizable(true);
        }
    }

    void show(List<StructureField> items) {
        show(items, item -> null);
    }

    /** The items, each row marked as the last command left it: "added" (a new entry), "changed" or unmarked. */
    void show(List<StructureField> items, Function<StructureField, String> change) {
        setPartNameGenerator(change::apply);
        setItems(items);
    }

    /** A member named by a dotted path, e.g. "Tcb.State". */
    private static StructureField leaf(StructureField item, String path) {
        StructureField current = item;
        for (String name : path.split("\\.")) {
            current = current.child(name).orElse(new StructureField(name, "", java.util.Optional.empty(), List.of()));
        }
        return current;
    }
}
