package com.ntprocesslab.kernel;

/** The answer to one command; when {@code accepted} is false the machine did not change. */
public record CommandResult(boolean accepted, String output) {
}
