package com.ntprocesslab.ui.auth;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | NT Process Lab")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(translatedForm());
        Anchor signup = new Anchor(SignupView.ROUTE, getTranslation("login.signup"));
        signup.setId("signup-link");
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("app.tagline")), login, signup);
    }

    private LoginI18n translatedForm() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    /** ?error after a wrong password, ?throttled=N after too many: N minutes to wait. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        var throttled = parameters.getSingleParameter("throttled");
        if (throttled.isPresent()) {
            LoginI18n i18n = translatedForm();
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.message", throttled.get().replaceAll("[^0-9]", "")));
            login.setI18n(i18n);
        }
        login.setError(throttled.isPresent() || parameters.getParameters().containsKey("error"));
    }
}
