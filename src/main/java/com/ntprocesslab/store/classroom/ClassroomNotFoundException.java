package com.ntprocesslab.store.classroom;

/** A class that does not exist or is not the caller's: both look the same. */
public class ClassroomNotFoundException extends RuntimeException {

    public ClassroomNotFoundException(long classroomId) {
        super("Class " + classroomId + " was not found.");
    }
}
