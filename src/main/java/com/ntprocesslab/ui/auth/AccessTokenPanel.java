package com.ntprocesslab.ui.auth;

import com.ntprocesslab.store.token.AccessToken;
import com.ntprocesslab.store.token.AccessTokens;
import com.ntprocesslab.store.token.CreatedAccessToken;
import com.ntprocesslab.store.InputRejectedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The profile page's personal access tokens for the HTTP API: name and create one (the token
 * is shown here once and never again), see the ones that work, revoke one.
 */
class AccessTokenPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AccessTokens tokens;
    private final String username;
    private final TextField name = new TextField();
    private final Paragraph error = new Paragraph();
    private final VerticalLayout created = new VerticalLayout();
    private final Grid<AccessToken> list = new Grid<>(AccessToken.class, false);

    AccessTokenPanel(AccessTokens tokens, String username) {
        this.tokens = tokens;
        this.username = username;
        setId("access-tokens");
        setPadding(false);
        add(new H3(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.explain")), configureForm(), created,
                configureList());
        created.setVisible(false);
        created.getStyle().set("background", "var(--lumo-success-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        refresh();
    }

    private HorizontalLayout configureForm() {
        name.setLabel(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setMaxLength(64);
        name.setHelperText(getTranslation("tokens.name.helper"));
        name.setWidth("20em");
        error.setId("token-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button(getTranslation("tokens.create"), click -> create());
        create.setId("create-token");
        HorizontalLayout form = new HorizontalLayout(name, create, error);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Grid<AccessToken> configureList() {
        list.setId("token-list");
        list.addColumn(AccessToken::getName).setHeader(getTranslation("tokens.column.name")).setAutoWidth(true);
        list.addColumn(token -> token.getHint() + "…").setHeader(getTranslation("tokens.column.starts")).setAutoWidth(true);
        list.addColumn(token -> WHEN.format(token.getCreatedAt())).setHeader(getTranslation("tokens.column.created")).setAutoWidth(true);
        list.addColumn(token -> token.getLastUsedAt().map(WHEN::format).orElse(getTranslation("tokens.never")))
                .setHeader(getTranslation("tokens.column.used")).setAutoWidth(true);
        list.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        list.addThemeVariants(GridVariant.LUMO_COMPACT);
        list.setAllRowsVisible(true);
        list.setWidthFull();
        return list;
    }

    private void create() {
        CreatedAccessToken fresh;
        try {
            fresh = tokens.create(username, name.getValue());
        } catch (InputRejectedException rejected) {
            error.setText(getTranslation(rejected.messageKey(), rejected.arguments()));
            return;
        }
        error.setText("");
        name.clear();
        showOnce(fresh);
        refresh();
    }

    /** The token itself, this once: it is stored only as a hash, so nobody can show it again. */
    private void showOnce(CreatedAccessToken fresh) {
        TextField secret = new TextField(getTranslation("tokens.new", fresh.token().getName()));
        secret.setId("new-token");
        secret.setValue(fresh.secret());
        secret.setReadOnly(true);
        secret.setWidth("min(100%, 34em)");
        secret.setHelperText(getTranslation("tokens.new.helper"));
        Button copy = new Button(getTranslation("tokens.copy"),
                click -> getElement().executeJs("navigator.clipboard.writeText($0)", fresh.secret()));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(secret, copy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        created.removeAll();
        created.add(row);
        created.setVisible(true);
        created.scrollIntoView();
    }

    private Button revokeButton(AccessToken token) {
        Button revoke = new Button(getTranslation("tokens.revoke"), click -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setAriaLabel(getTranslation("tokens.revoke.named", token.getName()));
        return revoke;
    }

    private void confirmRevoke(AccessToken token) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("tokens.revoke.title", token.getName()),
                getTranslation("tokens.revoke.text"), getTranslation("tokens.revoke"), confirm -> revoke(token));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("tokens.keep"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void revoke(AccessToken token) {
        tokens.revoke(username, token.getId());
        created.removeAll();
        created.setVisible(false);
        refresh();
        Notification.show(getTranslation("tokens.revoked", token.getName()));
    }

    private void refresh() {
        List<AccessToken> active = tokens.activeTokens(username);
        list.setItems(active);
        list.setVisible(!active.isEmpty());
    }
}
