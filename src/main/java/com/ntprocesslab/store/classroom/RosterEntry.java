package com.ntprocesslab.store.classroom;

import java.time.Instant;

/** A student of a class as the instructor's roster shows them. */
public record RosterEntry(Long studentId, String username, Instant joinedAt) {}
