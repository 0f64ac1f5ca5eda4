package ru.mpgu.lab.rubric;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Line numbers of every YAML node, keyed by JSON pointer, and duplicate keys.
 * The tree model drops locations, so one streaming pass collects them first.
 */
final class YamlLocations {

    private final Map<String, Integer> lines = new HashMap<>();
    private final List<String> duplicateKeys = new ArrayList<>();

    private YamlLocations() {
    }

    static YamlLocations scan(String yaml) throws IOException {
        YamlLocations loc = new YamlLocations();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            Deque<Set<String>> keys = new ArrayDeque<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String pointer = p.getParsingContext().pathAsPointer().toString();
                int line = lineOf(p.currentTokenLocation());
                if (t == JsonToken.START_OBJECT) {
                    keys.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    keys.pop();
                } else if (t == JsonToken.FIELD_NAME) {
                    if (!keys.isEmpty() && !keys.peek().add(p.currentName())) {
                        loc.duplicateKeys.add(RubricReader.pointerToPath(pointer) + " (строка " + line + ")");
                    }
                }
                loc.lines.putIfAbsent(pointer, line);
            }
        }
        return loc;
    }

    private static int lineOf(JsonLocation l) {
        return l == null ? -1 : l.getLineNr();
    }

    List<String> duplicateKeys() {
        return duplicateKeys;
    }

    /** Line of the node at {@code path} (dotted form), or of its nearest known parent; -1 if unknown. */
    int line(String path) {
        String pointer = RubricReader.pathToPointer(path);
        while (true) {
            Integer l = lines.get(pointer);
            if (l != null && l > 0) {
                return l;
            }
            int cut = pointer.lastIndexOf('/');
            if (cut <= 0) {
                return -1;
            }
            pointer = pointer.substring(0, cut);
        }
    }
}
