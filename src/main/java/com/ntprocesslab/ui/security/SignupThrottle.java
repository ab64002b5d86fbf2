package com.ntprocesslab.ui.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sign-up attempts are limited per network address with Bucket4j token buckets, so one
 * script cannot create accounts by the thousand or probe which user names exist: each attempt
 * (accepted or not) takes a token, tokens come back evenly over the window, and with none left
 * the attempt is refused before anything is checked, saying how long to wait. The default
 * leaves room for a whole class signing up behind one school router.
 */
@Component
public class SignupThrottle {

    private final int perAddress;
    private final Duration window;
    private final Cache<String, Bucket> addresses;

    SignupThrottle(@Value("${ntlab.signup.attempts-per-address:60}") int perAddress,
                   @Value("${ntlab.signup.window:1h}") Duration window) {
        this.perAddress = perAddress;
        this.window = window;
        // A bucket untouched for a whole window is full again: forgetting it changes nothing.
        this.addresses = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
    }

    /** Takes one attempt of this address; empty when it may go on, else how long it must wait. */
    public Optional<Duration> attempt(String address) {
        Bucket bucket = addresses.get(address == null ? "" : address, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perAddress).refillGreedy(perAddress, window))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whole minutes, rounded up, as the message to the visitor gives them. */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
