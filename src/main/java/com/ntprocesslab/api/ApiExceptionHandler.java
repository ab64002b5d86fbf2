package com.ntprocesslab.api;

import com.ntprocesslab.lab.progress.LabNotFoundException;
import com.ntprocesslab.session.CommandNotRecordedException;
import com.ntprocesslab.session.MachineHeldElsewhereException;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineRetiredException;
import com.ntprocesslab.session.MachineWorkRefusedException;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The services' refusals as JSON: what the caller may not see is 404 with the same sentence as
 * for an id nothing has (so a forged id tells nothing), what their role may not do is 403.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({MachineNotFoundException.class, ClassroomNotFoundException.class, LabNotFoundException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ApiError> forbidden(AccessRefusedException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(MachineRetiredException.class)
    ResponseEntity<ApiError> retired(MachineRetiredException e) {
        return error(HttpStatus.CONFLICT, "machine_retired", e.getMessage());
    }

    /** The student's lane already has its maximum of work waiting: their earlier commands run first. */
    @ExceptionHandler(RejectedExecutionException.class)
    ResponseEntity<ApiError> busy(RejectedExecutionException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                .body(new ApiError(429, "too_many_requests", "Your earlier commands are still waiting to run; send this one again in a moment."));
    }

    @ExceptionHandler({MachineWorkRefusedException.class, CommandNotRecordedException.class, MachineHeldElsewhereException.class})
    ResponseEntity<ApiError> unavailable(RuntimeException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        String message = e instanceof IllegalArgumentException ? e.getMessage()
                : e instanceof MethodArgumentTypeMismatchException mismatch
                ? "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName() + "."
                : "The request body is not the JSON this call expects (see the README's HTTP API section).";
        return error(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        LOG.error("API call failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on the server; it is logged.");
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message));
    }
}
