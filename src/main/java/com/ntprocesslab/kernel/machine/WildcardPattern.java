package com.ntprocesslab.kernel.machine;

import java.util.ArrayList;
import java.util.List;

/**
 * A WinDbg string wildcard ("String Wildcard Syntax" in the debugger documentation), matched
 * case-insensitively without backtracking: {@code *} any run of characters, {@code ?} any one
 * character, {@code [er-t7]} one character of a list with ranges, {@code #} zero or more of
 * the preceding element, {@code +} one or more of it, {@code \} makes the next character
 * literal. A {@code #} or {@code +} with nothing before it, a lone {@code ]} and a {@code [}
 * that is never closed are literal.
 *
 * <p>The pattern compiles to a row of elements, each one character class that is either
 * consumed once or looped (starred); matching simulates every position in that row at once
 * (Thompson's construction), so a text of n characters costs at most n times the number of
 * elements, whatever the pattern. A regular expression engine that backtracks takes
 * exponential time on patterns such as {@code *?*?*?*?#} that fail to match.
 */
public final class WildcardPattern {

    /** One character class: any character, one literal, or a bracketed list. */
    private record CharClass(boolean any, char literal, String ranges) {
        static final CharClass ANY = new CharClass(true, '\0', null);

        static CharClass literal(char c) {
            return new CharClass(false, Character.toLowerCase(c), null);
        }

        boolean matches(char lowered, char upper) {
            if (any) {
                return true;
            }
            if (ranges == null) {
                return literal == lowered;
            }
            return inRanges(lowered) || inRanges(upper);
        }

        /** {@code ranges} holds pairs: first and last character of each range (a single character is a pair of itself). */
        private boolean inRanges(char c) {
            for (int i = 0; i < ranges.length(); i += 2) {
                if (c >= ranges.charAt(i) && c <= ranges.charAt(i + 1)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Element(CharClass chars, boolean starred) {
    }

    private final CharClass[] classes;
    private final boolean[] starred;
    /** Elements that must consume a character: no text shorter than this matches. */
    private final int minimumLength;

    private WildcardPattern(List<Element> elements) {
        classes = new CharClass[elements.size()];
        starred = new boolean[elements.size()];
        int required = 0;
        for (int i = 0; i < elements.size(); i++) {
            classes[i] = elements.get(i).chars();
            starred[i] = elements.get(i).starred();
            required += starred[i] ? 0 : 1;
        }
        minimumLength = required;
    }

    public static WildcardPattern compile(String pattern) {
        return new WildcardPattern(simplify(parse(pattern)));
    }

    /** True when the text holds a character the syntax gives a meaning (so it is a pattern, not a name). */
    public static boolean hasWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("*?#+[\\".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the whole text matches. */
    public boolean matches(String text) {
        int size = classes.length;
        if (text.length() < minimumLength) {
            return false;
        }
        // Two sparse sets of positions (0..size): a position is in the set when the elements
        // before it have consumed the text read so far.
        int[] current = new int[size + 1];
        int[] next = new int[size + 1];
        int[] mark = new int[size + 1];
        int generation = 1;
        int count = enter(0, current, 0, mark, generation);
        for (int t = 0; t < text.length() && count > 0; t++) {
            char lowered = Character.toLowerCase(text.charAt(t));
            char upper = Character.toUpperCase(text.charAt(t));
            generation++;
            int nextCount = 0;
            for (int k = 0; k < count; k++) {
                int position = current[k];
                if (position < size && classes[position].matches(lowered, upper)) {
                    nextCount = enter(starred[position] ? position : position + 1, next, nextCount, mark, generation);
                }
            }
            int[] swap = current;
            current = next;
            next = swap;
            count = nextCount;
        }
        for (int k = 0; k < count; k++) {
            if (current[k] == size) {
                return true;
            }
        }
        return false;
    }

    /** Adds a position and every position reachable from it by skipping starred elements. */
    private int enter(int position, int[] set, int count, int[] mark, int generation) {
        int p = position;
        while (mark[p] != generation) {
            mark[p] = generation;
            set[count++] = p;
            if (p == classes.length || !starred[p]) {
                break;
            }
            p++;
        }
        return count;
    }

    private static List<Element> parse(String pattern) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> elements.add(new Element(CharClass.ANY, true));
                case '?' -> elements.add(new Element(CharClass.ANY, false));
                case '#', '+' -> {
                    if (elements.isEmpty()) {
                        elements.add(new Element(CharClass.literal(c), false));
                    } else if (c == '#') {
                        elements.add(new Element(elements.removeLast().chars(), true));
                    } else if (!elements.getLast().starred()) {
                        elements.add(new Element(elements.getLast().chars(), true));
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        i++;
                    }
                    elements.add(new Element(CharClass.literal(pattern.charAt(i)), false));
                }
                case '[' -> {
                    int close = pattern.indexOf(']', i + 1);
                    if (close < 0) {
                        elements.add(new Element(CharClass.literal(c), false));
                    } else {
                        elements.add(new Element(bracket(pattern.substring(i + 1, close)), false));
                        i = close;
                    }
                }
                default -> elements.add(new Element(CharClass.literal(c), false));
            }
        }
        return elements;
    }

    /** The inside of {@code [...]}: characters and ranges such as {@code er-t7}. */
    private static CharClass bracket(String inside) {
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < inside.length(); i++) {
            char first = inside.charAt(i);
            char last = first;
            if (i + 2 < inside.length() && inside.charAt(i + 1) == '-') {
                last = inside.charAt(i + 2);
                i += 2;
            }
            ranges.append(Character.toLowerCase(first)).append(Character.toLowerCase(last));
            ranges.append(Character.toUpperCase(first)).append(Character.toUpperCase(last));
        }
        return new CharClass(false, '\0', ranges.toString());
    }

    /**
     * Equal patterns with fewer elements: a run of starred elements and single {@code ?}s that
     * holds a {@code *} matches any text at least as long as its {@code ?}s, so it becomes those
     * {@code ?}s and one {@code *}; a starred element repeated right after itself is dropped.
     */
    private static List<Element> simplify(List<Element> elements) {
        List<Element> result = new ArrayList<>();
        int i = 0;
        while (i < elements.size()) {
            int end = i;
            boolean anyStarred = false;
            int singles = 0;
            while (end < elements.size() && (elements.get(end).starred() || elements.get(end).chars().any())) {
                Element e = elements.get(end);
                anyStarred |= e.starred() && e.chars().any();
                singles += e.starred() ? 0 : 1;
                end++;
            }
            if (anyStarred) {
                for (int k = 0; k < singles; k++) {
                    result.add(new Element(CharClass.ANY, false));
                }
                result.add(new Element(CharClass.ANY, true));
                i = end;
                continue;
            }
            int last = Math.max(end, i + 1);
            for (; i < last; i++) {
                Element e = elements.get(i);
                if (!(e.starred() && !result.isEmpty() && result.getLast().equals(e))) {
                    result.add(e);
                }
            }
        }
        return result;
    }
}
