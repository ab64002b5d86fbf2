package com.ntprocesslab.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Guards POST /login before the password is checked: a sign-in posted from another site (its
 * Origin is not ours) is refused outright, and one past the throttle's limit goes back to the
 * login page with how long to wait. The CSRF token is checked by Spring's own filter.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LoginGuardFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            // Not sendError: its error page would be secured too and turn the refusal into a redirect.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("A sign-in must come from this site's own login page.");
            return;
        }
        Optional<Duration> wait = throttle.refusal(request.getParameter("username"), request.getRemoteAddr());
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return request.getScheme().equals(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
