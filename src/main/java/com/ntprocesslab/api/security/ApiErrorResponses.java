package com.ntprocesslab.api.security;

import com.ntprocesslab.api.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The security filters' refusals (no token, a bad token, too many requests) as the API's JSON errors. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiErrorResponses {

    private final JsonMapper json;

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        boolean presented = request.getHeader("Authorization") != null;
        write(response, new ApiError(HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", presented
                ? "This token is unknown or was revoked; create one on your profile page and send it as 'Authorization: Bearer <token>'."
                : "Send a personal access token as 'Authorization: Bearer <token>'; create one on your profile page."));
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, new ApiError(HttpServletResponse.SC_FORBIDDEN, "forbidden", "Your account may not do this."));
    }

    void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(error));
    }
}
