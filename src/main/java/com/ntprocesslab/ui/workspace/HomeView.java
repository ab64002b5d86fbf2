package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.ui.instructor.DashboardView;
import com.ntprocesslab.ui.lab.LabListView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import lombok.RequiredArgsConstructor;

/**
 * The landing page: an instructor's dashboard (their classes, what their students do, who is
 * stuck), a student's lab catalog with their progress and the free sandbox.
 */
@Route(value = "", autoLayout = false)
@PermitAll
@RequiredArgsConstructor
public class HomeView extends Div implements BeforeEnterObserver {

    private final AuthenticationContext authentication;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(authentication.hasRole("INSTRUCTOR") ? DashboardView.class : LabListView.class);
    }
}
