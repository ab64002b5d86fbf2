package com.ntprocesslab.ui.auth;

import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.SignupRejectedException;
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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(SignupView.ROUTE)
@PageTitle("Create an account | NT Process Lab")
@AnonymousAllowed
public class SignupView extends VerticalLayout {

    static final String ROUTE = "signup";

    private final AccountService accounts;
    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirmation = new PasswordField("Repeat the password");
    private final Paragraph error = new Paragraph();

    public SignupView(AccountService accounts) {
        this.accounts = accounts;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H1("Create a student account"), configureForm(), new Anchor("login", "I already have an account"));
    }

    private VerticalLayout configureForm() {
        username.setRequired(true);
        password.setRequired(true);
        password.setHelperText("At least 8 characters");
        confirmation.setRequired(true);
        error.setId("signup-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button("Create account", click -> signUp());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        VerticalLayout form = new VerticalLayout(username, password, confirmation, error, create);
        form.addClassName("auth-card");
        form.setPadding(false);
        form.getChildren().forEach(child -> child.getElement().getStyle().set("width", "100%"));
        return form;
    }

    private void signUp() {
        if (!password.getValue().equals(confirmation.getValue())) {
            error.setText("The two passwords differ; type the same password twice.");
            return;
        }
        try {
            accounts.signUpStudent(username.getValue(), password.getValue());
        } catch (SignupRejectedException rejected) {
            error.setText(rejected.getMessage());
            return;
        }
        Notification.show("Account created. Sign in with your new user name.");
        getUI().ifPresent(ui -> ui.navigate(LoginView.class));
    }
}
