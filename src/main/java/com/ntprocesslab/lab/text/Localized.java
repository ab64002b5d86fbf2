package com.ntprocesslab.lab.text;

import java.util.Objects;

/** A text written in both lab languages. */
public record Localized(String en, String zhCn) {

    public Localized {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zhCn, "zhCn");
    }

    public String in(Language language) {
        return language == Language.ZH_CN ? zhCn : en;
    }
}
