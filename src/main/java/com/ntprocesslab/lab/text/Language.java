package com.ntprocesslab.lab.text;

import java.util.Locale;

/** The languages every lab text exists in. */
public enum Language {
    EN("en", Locale.ENGLISH),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The tag used in lab files: {@code title.en}, {@code README.zh-CN.md}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Chinese for any Chinese locale, English otherwise. */
    public static Language of(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? ZH_CN : EN;
    }
}
