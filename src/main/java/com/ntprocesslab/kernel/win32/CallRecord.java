package com.ntprocesslab.kernel.win32;

/** What the last .call did: who called what, and the printed result. */
public record CallRecord(long callerPid, String api, String arguments, boolean completed, String result) {
}
