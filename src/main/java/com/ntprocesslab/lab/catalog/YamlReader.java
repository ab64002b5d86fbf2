package com.ntprocesslab.lab.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads YAML with Jackson's streaming parser into {@link YamlNode}s that carry line numbers. */
final class YamlReader {

    static final int MAX_NESTING = 32;

    /** A key written twice is an author's mistake, not "the last one wins". */
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    // a lab nests a few levels; thousands are an attack on the parser's stack
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private YamlReader() {
    }

    /** A parse error with the line Jackson located it at. */
    static final class YamlSyntaxException extends Exception {
        final int line;

        YamlSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static YamlNode read(String text) throws YamlSyntaxException {
        JsonParser parser = null;
        try {
            parser = YAML.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(1, null);
            }
            return node(parser);
        } catch (JacksonException e) {
            // A broken constraint (nesting too deep) carries no location; the parser knows where it stopped.
            int line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr()
                    : parser == null ? 0 : parser.currentLocation().getLineNr();
            // The parser's message spans several lines with a caret drawing; the first line is the reason.
            throw new YamlSyntaxException(line, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    /** Reads the value starting at the parser's current token. */
    private static YamlNode node(JsonParser parser) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, line);
            case START_ARRAY -> sequence(parser, line);
            case VALUE_STRING -> new YamlNode.Scalar(line, parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, parser.getNumberValue());
            case VALUE_TRUE -> new YamlNode.Scalar(line, Boolean.TRUE);
            case VALUE_FALSE -> new YamlNode.Scalar(line, Boolean.FALSE);
            default -> new YamlNode.Scalar(line, null);
        };
    }

    private static YamlNode mapping(JsonParser parser, int line) {
        LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            keyLines.put(key, parser.currentTokenLocation().getLineNr());
            parser.nextToken();
            entries.put(key, node(parser));
        }
        return new YamlNode.Mapping(line, entries, keyLines);
    }

    private static YamlNode sequence(JsonParser parser, int line) {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser));
        }
        return new YamlNode.Sequence(line, items);
    }
}
