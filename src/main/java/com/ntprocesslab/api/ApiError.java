package com.ntprocesslab.api;

/** Every refusal of the HTTP API has this body: the HTTP status, a short code and a sentence for the user. */
public record ApiError(int status, String error, String message) {
}
