package com.ntprocesslab.lab.state;

/** The last {@code .call}: who called which API, whether it completed successfully, and GetLastError. */
public record LastCall(String caller, String api, boolean completed, boolean succeeded, long lastError) {
}
