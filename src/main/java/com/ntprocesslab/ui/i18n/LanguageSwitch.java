package com.ntprocesslab.ui.i18n;

import com.ntprocesslab.store.account.AccountService;
import com.vaadin.flow.component.select.Select;

/** English / 简体中文 for the whole UI. */
public class LanguageSwitch extends Select<String> {

    public LanguageSwitch(UserLanguage userLanguage) {
        setId("language-switch");
        setAriaLabel(getTranslation("language.label"));
        setTooltipText(getTranslation("language.label"));
        setItems(AccountService.LANGUAGES);
        setItemLabelGenerator(tag -> tag.equals("zh-CN") ? "简体中文" : "English");
        setValue(UserLanguage.tagOf(getLocale()));
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                getUI().ifPresent(ui -> userLanguage.switchTo(ui, change.getValue()));
            }
        });
    }
}
