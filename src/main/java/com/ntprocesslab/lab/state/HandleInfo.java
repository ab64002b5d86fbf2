package com.ntprocesslab.lab.state;

/**
 * One entry of a process's handle table. {@code target} names the object in the student's
 * terms: the image of a process, the image of a thread's process, or the object's name.
 */
public record HandleInfo(long value, String objectType, String target, long grantedAccess) {
}
