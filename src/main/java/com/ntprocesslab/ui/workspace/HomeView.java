package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.MachineSessions;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The landing page sends a signed-in user to their sandbox machine. */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final MachineSessions sessions;
    private final AuthenticationContext authentication;

    public HomeView(MachineSessions sessions, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long machineId = sessions.openSandbox(authentication.getPrincipalName().orElseThrow());
        event.forwardTo(WorkspaceView.ROUTE + "/" + machineId);
    }
}
