package com.ntprocesslab.api.security;

import com.ntprocesslab.api.ApiError;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.filter.OncePerRequestFilter;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Runs after the bearer token signed the request in and the chain authorised it: a token past its limit gets 429 with
 * Retry-After (whole seconds) and nothing runs; otherwise X-RateLimit-Remaining says what is left.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final ApiRateLimit limit;
    private final ApiErrorResponses errors;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The request's own principal (Spring Security's request wrapper reads the chain's security
        // context), not the static SecurityContextHolder: with several application contexts in one
        // JVM that holder may point at another context's strategy and see nobody signed in.
        if (!(request.getUserPrincipal() instanceof Authentication authentication) || !(authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal)
                || !(principal.getAttribute(AccessTokenIntrospector.TOKEN_ID) instanceof Long tokenId)) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = limit.take(tokenId);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", String.valueOf(seconds));
            errors.write(response, new ApiError(429, "too_many_requests", "This token sent more than " + limit.capacity()
                    + " requests in " + limit.window().toSeconds() + " s; try again in " + seconds + " s."));
            return;
        }
        response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        chain.doFilter(request, response);
    }
}
