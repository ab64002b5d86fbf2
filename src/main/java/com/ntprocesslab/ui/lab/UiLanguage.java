package com.ntprocesslab.ui.lab;

import com.ntprocesslab.lab.text.Language;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/** The language lab texts are shown in: chosen on the page, else the browser's. Kept for the session. */
final class UiLanguage {

    private UiLanguage() {
    }

    static Language current() {
        VaadinSession session = VaadinSession.getCurrent();
        Object chosen = session == null ? null : session.getAttribute(Language.class);
        if (chosen instanceof Language language) {
            return language;
        }
        return Language.of(UI.getCurrent() == null ? null : UI.getCurrent().getLocale());
    }

    static void choose(Language language) {
        VaadinSession.getCurrent().setAttribute(Language.class, language);
    }

    static String label(Language language) {
        return language == Language.ZH_CN ? "简体中文" : "English";
    }
}
