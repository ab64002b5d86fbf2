package com.ntprocesslab.store.token;

/** Who a presented token speaks for: the token's id (its rate limit is per token) and its account's user name. */
public record TokenHolder(long tokenId, String username) {
}
