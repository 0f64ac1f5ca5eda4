package ru.mpgu.lab.rubric;

import java.util.List;

/**
 * An idea a good answer should contain.
 *
 * @param terms words or phrases that express it; a trailing {@code *} means "any word starting with"
 */
public record Concept(String id, String title, List<String> terms, double weight) {
    public Concept {
        terms = List.copyOf(terms);
    }
}
