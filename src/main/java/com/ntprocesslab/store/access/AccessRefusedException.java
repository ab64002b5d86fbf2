package com.ntprocesslab.store.access;

/** The caller may not do this at all (wrong role, or not signed in): a sentence the page can show. */
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String message) {
        super(message);
    }
}
