package com.ntprocesslab.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ntprocesslab.lab.text.Localized;

/** A text in both UI languages, keyed by language tag. */
public record ApiText(String en, @JsonProperty("zh-CN") String zhCn) {

    static ApiText of(Localized text) {
        return new ApiText(text.en(), text.zhCn());
    }
}
