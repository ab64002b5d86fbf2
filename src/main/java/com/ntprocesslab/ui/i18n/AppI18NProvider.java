package com.ntprocesslab.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * English first (the language of a browser we have no translation for), then Simplified
 * Chinese. Texts live in {@code vaadin-i18n/translations*.properties}; a missing Chinese text
 * falls back to English, never to the JVM's default locale.
 */
@Component
public class AppI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(AppI18NProvider.class);
    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        try {
            String text = ResourceBundle.getBundle("vaadin-i18n/translations", supported, NO_DEFAULT_LOCALE).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
        } catch (MissingResourceException missing) {
            log.warn("No translation for '{}' in {}", key, supported);
            return "!" + key;
        }
    }
}
