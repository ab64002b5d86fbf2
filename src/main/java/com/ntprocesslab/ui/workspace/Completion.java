package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.CommandVocabulary;
import java.util.List;
import java.util.Locale;

/**
 * Tab completion of the console's last word, by its place in the command: the first word is a
 * command; then dt takes a type, .call an image, an API and paths, lm m a module, .file add a
 * path; anything else a symbol. One match completes it; several complete their common start and
 * are listed.
 */
record Completion(String line, List<String> candidates) {

    static Completion of(String line) {
        int start = line.lastIndexOf(' ') + 1;
        String word = line.substring(start);
        List<String> before = List.of(line.substring(0, start).trim().split("\\s+"));
        boolean firstWord = line.substring(0, start).isBlank();
        List<String> matches = firstWord ? CommandVocabulary.verbsStartingWith(word) : candidates(before, word);
        if (matches.isEmpty()) {
            return new Completion(line, List.of());
        }
        if (matches.size() == 1) {
            return new Completion(line.substring(0, start) + matches.get(0) + (firstWord ? " " : ""), matches);
        }
        return new Completion(line.substring(0, start) + commonStart(matches), matches);
    }

    /** What the word at this place of the command can be; {@code before} holds the words typed before it. */
    private static List<String> candidates(List<String> before, String word) {
        String verb = before.get(0).toLowerCase(Locale.ROOT);
        int place = before.size();
        return switch (verb) {
            case "dt" -> place == 1 ? CommandVocabulary.typesStartingWith(word) : List.of();
            case ".call" -> switch (place) {
                case 1 -> CommandVocabulary.imagesStartingWith(word);
                case 2 -> CommandVocabulary.apisStartingWith(word);
                default -> word.isEmpty() ? List.of() : CommandVocabulary.pathsStartingWith(word);
            };
            case "lm" -> CommandVocabulary.modulesStartingWith(word);
            case ".file" -> word.isEmpty() ? List.of() : CommandVocabulary.pathsStartingWith(word);
            default -> word.isEmpty() ? List.of() : CommandVocabulary.symbolsStartingWith(word);
        };
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
