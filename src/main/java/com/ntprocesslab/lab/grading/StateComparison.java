package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.text.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a student's machine with the reference run. Only what the reference solution
 * changed (facts whose count differs between the setup machine and the reference machine)
 * is graded, so objects the lab is not about never count against the student; for each
 * such fact the student must have exactly as many as the reference.
 */
final class StateComparison {

    private StateComparison() {
    }

    /** The facts the reference solution changed, with the count it left: the lab's target. */
    static Map<Fact, Integer> target(List<Fact> setup, List<Fact> reference) {
        Map<Fact, Integer> before = counts(setup);
        Map<Fact, Integer> after = counts(reference);
        Map<Fact, Integer> target = new LinkedHashMap<>();
        Set<Fact> all = new LinkedHashSet<>(after.keySet());
        all.addAll(before.keySet());
        for (Fact fact : all) {
            int expected = after.getOrDefault(fact, 0);
            if (expected != before.getOrDefault(fact, 0)) {
                target.put(fact, expected);
            }
        }
        return target;
    }

    /** Every difference in the student's terms; empty when the student reached the target. */
    static List<Message> differences(Map<Fact, Integer> target, List<Fact> student) {
        Map<Fact, Integer> actual = counts(student);
        List<Message> differences = new ArrayList<>();
        for (Map.Entry<Fact, Integer> entry : target.entrySet()) {
            Fact fact = entry.getKey();
            int expected = entry.getValue();
            int found = actual.getOrDefault(fact, 0);
            if (found == expected) {
                continue;
            }
            if (found < expected) {
                differences.add(nearest(fact, actual, target)
                        .map(other -> Message.of("compare.instead", fact.description(), other.description()))
                        .orElseGet(() -> Message.of("compare.missing", String.valueOf(expected), fact.description(), String.valueOf(found))));
            } else {
                differences.add(Message.of("compare.too_many", String.valueOf(expected), fact.description(), String.valueOf(found)));
            }
        }
        return differences;
    }

    /**
     * A fact the student has instead of the missing one, about the same thing and not part of
     * the target: "notepad.exe, child of cmd.exe" where "notepad.exe, child of explorer.exe" was
     * expected. For handles only one to the same object of the same type counts as "instead".
     */
    private static Optional<Fact> nearest(Fact missing, Map<Fact, Integer> actual, Map<Fact, Integer> target) {
        return actual.keySet().stream()
                .filter(f -> f.projection() == missing.projection() && !target.containsKey(f))
                .filter(f -> sameThing(missing, f))
                .findFirst();
    }

    private static boolean sameThing(Fact a, Fact b) {
        return switch (a.projection()) {
            case STOP, LAST_CALL -> true;
            case HANDLES -> a.subject().equals(b.subject()) && a.key().subList(0, 2).equals(b.key().subList(0, 2));
            default -> a.subject().equals(b.subject());
        };
    }

    private static Map<Fact, Integer> counts(List<Fact> facts) {
        Map<Fact, Integer> counts = new LinkedHashMap<>();
        facts.forEach(f -> counts.merge(f, 1, Integer::sum));
        return counts;
    }
}
