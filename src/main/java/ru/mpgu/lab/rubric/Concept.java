package ru.mpgu.lab.rubric;

import java.util.List;

/**
 * A claim a good answer should make, as the teacher wrote it in rubric.yaml.
 *
 * @param terms   phrases that state the whole claim by themselves («не открывается», «без ошибок»);
 *                a leading «не» means the phrase holds only in a negated clause; a trailing {@code *}
 *                means "any word starting with"
 * @param about   what the claim is about (its subject: «страница», «таблица»); empty = any
 * @param says    what is said of the subject («открылась», «пустая»); with {@code about} both must
 *                stand in one clause; with no {@code says} the subject alone is the claim
 * @param counter counter-claims: phrases that contradict it («страница не пустая»)
 */
public record Concept(String id, String title, List<String> terms, double weight,
                      List<String> about, List<String> says, List<String> counter) {
    public Concept {
        terms = List.copyOf(terms);
        about = List.copyOf(about);
        says = List.copyOf(says);
        counter = List.copyOf(counter);
    }

    public Concept(String id, String title, List<String> terms, double weight) {
        this(id, title, terms, weight, List.of(), List.of(), List.of());
    }
}
