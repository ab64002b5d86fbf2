package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.MachineSessions;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import lombok.RequiredArgsConstructor;

/** The free sandbox: sends the signed-in user to their sandbox machine, created on first use. */
@Route(value = SandboxView.ROUTE, autoLayout = false)
@PermitAll
@RequiredArgsConstructor
public class SandboxView extends Div implements BeforeEnterObserver {

    public static final String ROUTE = "sandbox";

    private final MachineSessions sessions;
    private final AuthenticationContext authentication;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long machineId = sessions.openSandbox(authentication.getPrincipalName().orElseThrow());
        event.forwardTo(WorkspaceView.ROUTE + "/" + machineId);
    }
}
