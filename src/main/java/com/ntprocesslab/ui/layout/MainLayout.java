package com.ntprocesslab.ui.layout;

import com.ntprocesslab.ui.admin.AccountsView;
import com.ntprocesslab.ui.auth.ProfileView;
import com.ntprocesslab.ui.i18n.LanguageSwitch;
import com.ntprocesslab.ui.i18n.UserLanguage;
import com.ntprocesslab.ui.instructor.ClassesView;
import com.ntprocesslab.ui.instructor.DashboardView;
import com.ntprocesslab.ui.instructor.ReplayReportView;
import com.ntprocesslab.ui.lab.LabListView;
import com.ntprocesslab.ui.workspace.HomeView;
import com.ntprocesslab.ui.workspace.SandboxView;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame of every signed-in page: the product name, where to go, the language and who is signed in.
 * It is the automatic layout of every route, so a view does not name it (the menu links to the views,
 * the views do not link back); the routes that stand alone (sign-in, sign-up and the two forwarders)
 * say {@code autoLayout = false}.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, UserLanguage userLanguage) {
        RouterLink home = new RouterLink(getTranslation("app.name"), HomeView.class);
        home.addClassName("app-name");
        RouterLink labs = new RouterLink(getTranslation("nav.labs"), LabListView.class);
        labs.setId("labs-link");
        RouterLink sandbox = new RouterLink(getTranslation("nav.sandbox"), SandboxView.class);
        sandbox.setId("sandbox-nav");
        HorizontalLayout navigation = new HorizontalLayout(home, labs, sandbox);
        navigation.setAlignItems(FlexComponent.Alignment.CENTER);
        if (authentication.hasRole("INSTRUCTOR")) {
            navigation.add(new RouterLink(getTranslation("nav.dashboard"), DashboardView.class),
                    new RouterLink(getTranslation("nav.classes"), ClassesView.class),
                    new RouterLink(getTranslation("nav.replayReport"), ReplayReportView.class));
        }
        if (authentication.hasRole("ADMIN")) {
            navigation.add(new RouterLink(getTranslation("nav.accounts"), AccountsView.class));
        }
        RouterLink user = new RouterLink(authentication.getPrincipalName().orElse(""), ProfileView.class);
        user.setId("current-user");
        user.getElement().setAttribute("title", getTranslation("nav.profile"));
        Button signOut = new Button(getTranslation("workspace.signOut"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(navigation, new LanguageSwitch(userLanguage), user, signOut);
        bar.setWidthFull();
        bar.setPadding(true);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(navigation);
        addToNavbar(bar);
        // Navigation lives in the bar; there is nothing to put in a drawer.
        setDrawerOpened(false);
    }
}
