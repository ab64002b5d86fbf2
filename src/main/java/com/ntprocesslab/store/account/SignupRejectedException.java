package com.ntprocesslab.store.account;

/** A sign-up the form must refuse; the message is shown to the user as it is. */
public class SignupRejectedException extends RuntimeException {

    public SignupRejectedException(String message) {
        super(message);
    }
}
