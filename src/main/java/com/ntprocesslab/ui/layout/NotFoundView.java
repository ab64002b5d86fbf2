package com.ntprocesslab.ui.layout;

import com.ntprocesslab.ui.workspace.HomeView;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/**
 * An unknown page, or one the user's role may not open (access control reroutes those here,
 * so a student learns nothing about instructor pages): a plain "not found" in their language.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found");
        add(new H2(getTranslation("workspace.notFound")),
                new Paragraph(getTranslation("error.notFound", event.getLocation().getPath())),
                new RouterLink(getTranslation("error.home"), HomeView.class));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
