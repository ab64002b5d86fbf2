package com.ntprocesslab.lab.state;

/**
 * The last {@code .call}: who called which API, whether it completed successfully, and GetLastError.
 * {@code target} is the image of the process (or thread's process) that the call's first argument
 * names as a handle in the caller's table, or, for OpenProcess and OpenThread, the one whose PID
 * (TID) it asks for; "" when it names none (a path, a closed handle, an unknown ID).
 */
public record LastCall(String caller, String api, String target, boolean completed, boolean succeeded, long lastError) {
}
