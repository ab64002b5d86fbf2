package com.ntprocesslab.ui.machine;

import com.ntprocesslab.lab.state.MachineChanges;
import com.ntprocesslab.lab.state.MachineObjects;
import com.ntprocesslab.lab.state.Structure;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A {@code dt}-like view of any object by address; following a link remembers the way back. */
class StructureInspector extends VerticalLayout {

    private final TextField address = new TextField();
    private final Button back = new Button();
    private final Span heading = new Span();
    private final StructureView view;
    private final Deque<String> visited = new ArrayDeque<>();
    private MachineObjects objects;
    private String current = "";
    private MachineChanges changes = MachineChanges.NONE;

    StructureInspector() {
        setId("structure-inspector");
        setPadding(false);
        setSpacing(false);
        setSizeFull();
        view = new StructureView(getTranslation("inspector.label"), this::follow);
        view.setId("inspector-fields");
        heading.setId("inspector-heading");
        heading.addClassName("inspector-heading");
        add(configureAddressBar(), heading);
        addAndExpand(view);
    }

    private HorizontalLayout configureAddressBar() {
        // named for screen readers, no visible label: the placeholder shows what goes there, and the row it saved is a field's
        address.setAriaLabel(getTranslation("inspector.address"));
        address.setId("inspector-address");
        address.setPlaceholder("ffffa08f`1c2d3040");
        address.addKeyDownListener(Key.ENTER, event -> open(address.getValue()));
        Button open = new Button(getTranslation("inspector.go"), click -> open(address.getValue()));
        open.setId("inspector-go");
        back.setText(getTranslation("inspector.back"));
        back.setId("inspector-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.setEnabled(false);
        back.addClickListener(click -> goBack());
        HorizontalLayout bar = new HorizontalLayout(address, open, back);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(address);
        return bar;
    }

    /** The machine changed: show the current object as it is now (or say it is gone). */
    void refresh(MachineObjects machine, MachineChanges changed) {
        this.objects = machine;
        this.changes = changed;
        // an example address in the machine's own format: 8 digits on the classic x86 profile
        address.setPlaceholder(machine.classic() ? "822d3040" : "ffffa08f`1c2d3040");
        if (!current.isEmpty()) {
            show(current);
        }
    }

    /** Opens the object at an address typed by the student; an unknown address changes nothing but says so. */
    boolean open(String typed) {
        if (objects == null || objects.at(typed).isEmpty()) {
            address.setInvalid(true);
            address.setErrorMessage(getTranslation("inspector.unknown", typed.strip()));
            return false;
        }
        if (!current.isEmpty()) {
            visited.push(current);
        }
        show(typed.strip());
        return true;
    }

    private void follow(String target) {
        open(target);
    }

    private void goBack() {
        if (!visited.isEmpty()) {
            show(visited.pop());
        }
    }

    private void show(String target) {
        current = target;
        address.setInvalid(false);
        address.setValue(target);
        back.setEnabled(!visited.isEmpty());
        Optional<Structure> structure = objects.at(target);
        structure.ifPresentOrElse(s -> {
            heading.setText(s.type() + (s.label().isEmpty() ? "" : " " + s.label()) + " @ " + s.address());
            view.show(s, changes);
        }, () -> {
            heading.setText(getTranslation("inspector.gone", target));
            view.clear();
        });
    }
}
