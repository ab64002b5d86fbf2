package com.ntprocesslab.ui.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ntprocesslab.store.account.Account;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins are limited per account and per address with Bucket4j token buckets: each
 * failure takes a token, tokens come back evenly over the window, and with none left the
 * next attempt is refused before the password is even checked (the right one too), saying
 * how long to wait. A successful sign-in gives the account its tokens back.
 */
@Component
class LoginThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;

    LoginThrottle(@Value("${ntlab.login.attempts-per-account:10}") int perAccount,
                  @Value("${ntlab.login.attempts-per-address:30}") int perAddress,
                  @Value("${ntlab.login.window:5m}") Duration window) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        // A bucket untouched for a whole window is full again: forgetting it changes nothing.
        this.accounts = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
    }

    /** How long this sign-in must wait, when the account or the address has used up its attempts. */
    Optional<Duration> refusal(String username, String address) {
        long nanos = Math.max(waitNanos(accounts, Account.keyOf(username), perAccount), waitNanos(addresses, address, perAddress));
        return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent failure) {
        bucket(accounts, Account.keyOf(failure.getAuthentication().getName()), perAccount).tryConsume(1);
        if (failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            bucket(addresses, details.getRemoteAddress(), perAddress).tryConsume(1);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent success) {
        accounts.invalidate(Account.keyOf(success.getAuthentication().getName()));
    }

    private long waitNanos(Cache<String, Bucket> buckets, String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key == null ? "" : key);
        return bucket == null ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int capacity) {
        return buckets.get(key == null ? "" : key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build());
    }
}
