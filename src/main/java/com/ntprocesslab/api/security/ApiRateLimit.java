package com.ntprocesslab.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests per token, with Bucket4j token buckets: a token may send
 * {@code ntlab.api.requests-per-window} requests at once, and gets them back evenly over
 * {@code ntlab.api.window}. The buckets live in this node's memory (behind a load balancer
 * each node keeps its own, which at worst multiplies the limit by the number of nodes).
 */
@Component
class ApiRateLimit {

    private final int capacity;
    private final Duration window;
    private final Cache<Long, Bucket> buckets;

    ApiRateLimit(@Value("${ntlab.api.requests-per-window:300}") int capacity, @Value("${ntlab.api.window:1m}") Duration window) {
        this.capacity = capacity;
        this.window = window;
        // A bucket untouched for a whole window is full again: forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
    }

    /** Takes one request from the token's bucket; the probe says whether it was there, what is left, or how long to wait. */
    ConsumptionProbe take(long tokenId) {
        return buckets.get(tokenId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build()).tryConsumeAndReturnRemaining(1);
    }

    int capacity() {
        return capacity;
    }

    Duration window() {
        return window;
    }
}
