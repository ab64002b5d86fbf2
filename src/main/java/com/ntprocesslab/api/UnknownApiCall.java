package com.ntprocesslab.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any /api path no call has is a JSON 404 here, rather than falling through to the pages
 * (which would answer with HTML). Every other mapping is more specific, so it wins.
 */
@RestController
@Hidden
class UnknownApiCall {

    @RequestMapping("/api/**")
    ResponseEntity<ApiError> unknown(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(404, "not_found",
                "There is no API call " + request.getMethod() + " " + request.getRequestURI()
                        + "; the README's HTTP API section and /api/v1/openapi list them."));
    }
}
