package com.ntprocesslab.ui.i18n;

import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.AccountService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The UI speaks the language each user chose last time: every new UI of a signed-in user
 * starts in the language stored with their account.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UserLanguage implements VaadinServiceInitListener {

    private final AuthenticationContext authentication;
    private final AccountRepository accounts;
    private final AccountService accountService;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> authentication.getPrincipalName()
                .flatMap(accounts::findByUsername)
                .ifPresent(account -> init.getUI().setLocale(Locale.forLanguageTag(account.getLanguage()))));
    }

    /** Switches the whole UI to another language and remembers it for the signed-in user. */
    public void switchTo(UI ui, String languageTag) {
        authentication.getPrincipalName().ifPresent(username -> accountService.setLanguage(username, languageTag));
        ui.getSession().setLocale(Locale.forLanguageTag(languageTag));
        ui.setLocale(Locale.forLanguageTag(languageTag));
        ui.getPage().reload();
    }

    public static String tagOf(Locale locale) {
        return Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? "zh-CN" : "en";
    }
}
