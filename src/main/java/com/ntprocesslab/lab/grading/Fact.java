package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.checkpoint.Projection;
import com.ntprocesslab.lab.text.Message;
import java.util.List;

/**
 * One comparable thing a projection sees, e.g. "notepad.exe, child of explorer.exe, running".
 * {@code subject} is the image it is about (used to pair a missing fact with the student's
 * nearest one); {@code key} identifies it; {@code description} says it in the student's terms.
 */
record Fact(Projection projection, String subject, List<String> key, Message description) {
}
