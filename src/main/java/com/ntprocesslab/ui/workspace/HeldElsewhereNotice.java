package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.MachineHeldElsewhereException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * What a page shows instead of a machine that another server has open (the student's other
 * browser window landed on the other node): where it is open, what to do, and a way to try again.
 */
public class HeldElsewhereNotice extends VerticalLayout {

    public HeldElsewhereNotice(MachineHeldElsewhereException held) {
        setId("machine-held-elsewhere");
        H2 title = new H2(getTranslation("workspace.heldElsewhere"));
        Paragraph text = new Paragraph(getTranslation("workspace.heldElsewhere.text", held.machineId(), held.holder(),
                held.leaseDuration().toSeconds()));
        Button again = new Button(getTranslation("workspace.heldElsewhere.again"),
                click -> UI.getCurrent().getPage().reload());
        add(title, text, again);
    }
}
