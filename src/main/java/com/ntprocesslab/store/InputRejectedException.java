package com.ntprocesslab.store;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Input a form must refuse (a sign-up, a new password, a token name). It carries a translation
 * key and its arguments so the page can say why in the user's language; {@link #getMessage()}
 * is the English sentence.
 */
public class InputRejectedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public InputRejectedException(String messageKey, String english, Object... arguments) {
        super(new MessageFormat(english, Locale.ROOT).format(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
