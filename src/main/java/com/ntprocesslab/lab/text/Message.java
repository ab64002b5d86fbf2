package com.ntprocesslab.lab.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A sentence of feedback, kept as a key and arguments so it can be shown in the student's
 * language (and stored in both). Templates live in {@code feedback.properties} and
 * {@code feedback_zh_CN.properties} next to this class.
 */
public record Message(String key, List<Object> args) {

    private static final String BUNDLE = "com.ntprocesslab.lab.text.feedback";

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    public String in(Language language) {
        // No fallback to the JVM's default locale: English is the base bundle, Chinese its variant.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] rendered = args.stream().map(arg -> arg instanceof Message nested ? nested.in(language) : arg).toArray();
        return new MessageFormat(bundle.getString(key), language.locale()).format(rendered);
    }

    public Localized localized() {
        return new Localized(in(Language.EN), in(Language.ZH_CN));
    }
}
