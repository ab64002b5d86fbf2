package com.ntprocesslab.ui.machine;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.ntprocesslab.lab.state.StructureField;
import java.util.function.Consumer;

/** A value as text, or as a button that opens the object when the value is the address of one. */
final class AddressLink {

    private AddressLink() {
    }

    static Component of(StructureField field, Consumer<String> opener) {
        return field.link().<Component>map(address -> button(field.value(), address, opener)).orElseGet(() -> new Span(field.value()));
    }

    static Button button(String text, String address, Consumer<String> opener) {
        Button link = new Button(text, click -> opener.accept(address));
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        link.addClassName("address-link");
        link.getElement().setAttribute("aria-label", link.getTranslation("inspector.open", address));
        return link;
    }
}
