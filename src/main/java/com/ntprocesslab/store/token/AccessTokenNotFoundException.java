package com.ntprocesslab.store.token;

/** A token id that does not exist or is not the caller's: both look the same. */
public class AccessTokenNotFoundException extends RuntimeException {

    public AccessTokenNotFoundException(long tokenId) {
        super("Token " + tokenId + " was not found.");
    }
}
