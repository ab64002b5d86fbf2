package com.ntprocesslab.ui.auth;

import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.InputRejectedException;
import com.ntprocesslab.store.token.AccessTokens;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * Every signed-in user changes their own password here (the current one is asked again) and
 * manages their personal access tokens for the HTTP API.
 */
@Route(ProfileView.ROUTE)
@PageTitle("Profile | NT Process Lab")
@PermitAll
public class ProfileView extends VerticalLayout {

    public static final String ROUTE = "profile";

    private final AccountService accounts;
    private final String username;
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final Paragraph error = new Paragraph();

    public ProfileView(AccountService accounts, AccessTokens tokens, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.username = authentication.getPrincipalName().orElseThrow();
        add(new H2(getTranslation("profile.title")), new Paragraph(getTranslation("profile.user", username)),
                configureSections(configureForm(), new AccessTokenPanel(tokens, username)));
    }

    /** Password and tokens side by side where the screen is wide enough, one above the other where it is not. */
    private static FlexLayout configureSections(VerticalLayout password, AccessTokenPanel tokens) {
        password.setWidth(null);
        password.getStyle().set("flex", "0 1 380px");
        tokens.setWidth(null);
        tokens.getStyle().set("flex", "1 1 32em").set("max-width", "60em");
        FlexLayout sections = new FlexLayout(password, tokens);
        sections.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        sections.getStyle().set("gap", "var(--lumo-space-xl)");
        sections.setWidthFull();
        return sections;
    }

    private VerticalLayout configureForm() {
        current.setLabel(getTranslation("profile.current"));
        current.setId("current-password");
        fresh.setLabel(getTranslation("profile.new"));
        fresh.setId("new-password");
        fresh.setHelperText(getTranslation("signup.password.helper"));
        confirmation.setLabel(getTranslation("profile.confirm"));
        confirmation.setId("confirm-password");
        error.setId("profile-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button change = new Button(getTranslation("profile.change"), click -> change());
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("profile.password")), current, fresh, confirmation, error, change);
        form.addClassName("auth-card");
        form.setPadding(false);
        // As on the sign-up page: fields as wide as the card, so a long password stays visible when shown.
        form.getChildren().forEach(child -> child.getElement().getStyle().set("width", "100%"));
        return form;
    }

    private void change() {
        if (!fresh.getValue().equals(confirmation.getValue())) {
            error.setText(getTranslation("profile.mismatch"));
            return;
        }
        try {
            accounts.changePassword(username, current.getValue(), fresh.getValue());
        } catch (InputRejectedException rejected) {
            error.setText(getTranslation(rejected.messageKey(), rejected.arguments()));
            return;
        }
        error.setText("");
        current.clear();
        fresh.clear();
        confirmation.clear();
        Notification.show(getTranslation("profile.changed"));
    }
}
