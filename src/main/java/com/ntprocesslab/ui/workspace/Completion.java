package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.CommandVocabulary;
import java.util.List;

/**
 * Tab completion of the console's last word: the first word is a command, later words are
 * symbols. One match completes it; several complete their common start and are listed.
 */
record Completion(String line, List<String> candidates) {

    static Completion of(String line) {
        int start = line.lastIndexOf(' ') + 1;
        String word = line.substring(start);
        boolean firstWord = line.substring(0, start).isBlank();
        List<String> matches = firstWord ? CommandVocabulary.verbsStartingWith(word)
                : word.isEmpty() ? List.of() : CommandVocabulary.symbolsStartingWith(word);
        if (matches.isEmpty()) {
            return new Completion(line, List.of());
        }
        if (matches.size() == 1) {
            return new Completion(line.substring(0, start) + matches.get(0) + (firstWord ? " " : ""), matches);
        }
        return new Completion(line.substring(0, start) + commonStart(matches), matches);
    }

    private static String commonStart(List<String> words) {
        String common = words.get(0);
        for (String word : words) {
            int i = 0;
            while (i < common.length() && i < word.length() && Character.toLowerCase(common.charAt(i)) == Character.toLowerCase(word.charAt(i))) {
                i++;
            }
            common = common.substring(0, i);
        }
        return common;
    }
}
