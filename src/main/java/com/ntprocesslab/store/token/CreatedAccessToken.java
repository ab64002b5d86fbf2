package com.ntprocesslab.store.token;

/** A token just created: {@code secret} is the token itself, which is never shown (nor stored) again. */
public record CreatedAccessToken(AccessToken token, String secret) {
}
