package com.ntprocesslab.ui.auth;

import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.InputRejectedException;
import com.ntprocesslab.ui.security.SignupThrottle;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.util.Optional;

/** Students create their own accounts; a join code from the instructor puts them in a class. */
@Route(value = SignupView.ROUTE, autoLayout = false)
@PageTitle("Create an account | NT Process Lab")
@AnonymousAllowed
public class SignupView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "signup";

    private final AccountService accounts;
    private final SignupThrottle throttle;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final TextField joinCode = new TextField();
    private final Paragraph error = new Paragraph();

    public SignupView(AccountService accounts, SignupThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H1(getTranslation("signup.title")), configureForm(), new Anchor("login", getTranslation("signup.haveAccount")));
    }

    private VerticalLayout configureForm() {
        username.setLabel(getTranslation("signup.username"));
        username.setRequired(true);
        password.setLabel(getTranslation("signup.password"));
        password.setRequired(true);
        password.setHelperText(getTranslation("signup.password.helper"));
        confirmation.setLabel(getTranslation("signup.confirm"));
        confirmation.setRequired(true);
        joinCode.setLabel(getTranslation("signup.joinCode"));
        joinCode.setHelperText(getTranslation("signup.joinCode.helper"));
        error.setId("signup-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button(getTranslation("signup.submit"), click -> signUp());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        VerticalLayout form = new VerticalLayout(username, password, confirmation, joinCode, error, create);
        form.addClassName("auth-card");
        form.setPadding(false);
        form.getChildren().forEach(child -> child.getElement().getStyle().set("width", "100%"));
        return form;
    }

    /** A link like /signup?code=ABCD2345 fills the join code in. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("code").ifPresent(joinCode::setValue);
    }

    private void signUp() {
        if (!password.getValue().equals(confirmation.getValue())) {
            error.setText(getTranslation("signup.mismatch"));
            return;
        }
        Optional<Duration> wait = throttle.attempt(VaadinRequest.getCurrent().getRemoteAddr());
        if (wait.isPresent()) {
            error.setText(getTranslation("signup.throttled", SignupThrottle.minutes(wait.get())));
            return;
        }
        try {
            accounts.signUpStudent(username.getValue(), password.getValue(), joinCode.getValue());
        } catch (InputRejectedException rejected) {
            error.setText(getTranslation(rejected.messageKey(), rejected.arguments()));
            return;
        }
        Notification.show(getTranslation("signup.done"));
        getUI().ifPresent(ui -> ui.navigate(LoginView.class));
    }
}
