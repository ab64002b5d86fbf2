package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.CommandNotRecordedException;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineSessions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** A student's machine: its console, restored from the command log on every visit. */
@Route(WorkspaceView.ROUTE)
@PageTitle("Workspace | NT Process Lab")
@PermitAll
public class WorkspaceView extends VerticalLayout implements HasUrlParameter<Long> {

    static final String ROUTE = "machine";

    private final MachineSessions sessions;
    private final AuthenticationContext authentication;
    private final Console console = new Console();
    private final H2 title = new H2();
    private long machineId;

    public WorkspaceView(MachineSessions sessions, AuthenticationContext authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
        setSizeFull();
        addClassName("workspace");
        console.addClassName("console-pane");
        add(configureHeader());
        addAndExpand(console);
        console.addCommandListener(event -> run(event.command()));
    }

    private HorizontalLayout configureHeader() {
        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("current-user");
        Button signOut = new Button("Sign out", click -> authentication.logout());
        HorizontalLayout header = new HorizontalLayout(title, user, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(title);
        return header;
    }

    @Override
    public void setParameter(BeforeEvent event, Long machineId) {
        this.machineId = machineId;
        try {
            console.show(sessions.history(machineId, username()));
            title.setText("Machine " + machineId);
            console.focus();
        } catch (MachineNotFoundException notFound) {
            removeAll();
            add(new H2("Not found"), new Paragraph(notFound.getMessage()));
        }
    }

    private void run(String command) {
        try {
            ConsoleEntry entry = sessions.submit(machineId, username(), command);
            console.append(entry);
        } catch (CommandNotRecordedException | MachineNotFoundException failure) {
            Notification.show(failure.getMessage(), 6_000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private String username() {
        return authentication.getPrincipalName().orElseThrow();
    }
}
