package com.ntprocesslab.lab.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers the line it came from, so every schema error can say
 * "lab.yaml:12: ...". Jackson's tree model drops locations; this keeps them.
 */
sealed interface YamlNode {

    int line();

    /** What the author wrote, in words, for "expected a list, found a text" messages. */
    String kind();

    record Scalar(int line, Object value) implements YamlNode {
        public String kind() {
            return value == null ? "nothing" : value instanceof String ? "a text" : value instanceof Boolean ? "true/false" : "a number";
        }

        String text() {
            return value == null ? null : String.valueOf(value);
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public String kind() {
            return "a list";
        }
    }

    /** Keys keep their own line: an unknown key is reported where it is written. */
    record Mapping(int line, LinkedHashMap<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        public String kind() {
            return "a mapping";
        }
    }
}
