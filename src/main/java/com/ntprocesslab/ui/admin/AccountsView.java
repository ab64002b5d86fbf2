package com.ntprocesslab.ui.admin;

import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.InputRejectedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** The administrator creates instructor accounts (the service checks the role again). */
@Route(AccountsView.ROUTE)
@PageTitle("Accounts | NT Process Lab")
@RolesAllowed("ADMIN")
public class AccountsView extends VerticalLayout {

    public static final String ROUTE = "admin/accounts";

    private final AccountService accounts;
    private final String admin;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Paragraph error = new Paragraph();

    public AccountsView(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.admin = authentication.getPrincipalName().orElseThrow();
        username.setLabel(getTranslation("accounts.username"));
        username.setId("instructor-name");
        password.setLabel(getTranslation("accounts.password"));
        password.setId("instructor-password");
        password.setHelperText(getTranslation("signup.password.helper"));
        error.setId("accounts-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button(getTranslation("accounts.create"), click -> create());
        create.setId("create-instructor");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(username, password, error, create);
        form.addClassName("auth-card");
        form.setPadding(false);
        form.getChildren().forEach(child -> child.getElement().getStyle().set("width", "100%"));
        add(new H2(getTranslation("accounts.title")), form);
    }

    private void create() {
        try {
            Account created = accounts.createInstructor(admin, username.getValue(), password.getValue());
            error.setText("");
            username.clear();
            password.clear();
            Notification.show(getTranslation("accounts.created", created.getUsername()));
        } catch (InputRejectedException rejected) {
            error.setText(getTranslation(rejected.messageKey(), rejected.arguments()));
        }
    }
}
