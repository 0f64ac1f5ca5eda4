package ru.mpgu.lab.answers.legacy;

import ru.mpgu.lab.rubric.Concept;

import java.util.List;

/**
 * How one concept fared in an answer.
 *
 * @param evidence the student's own words that expressed the concept
 * @param negated  fragments where the concept was mentioned but negated («не узкое место»); they do not count
 */
public record ConceptMatch(Concept concept, List<String> evidence, List<String> negated) {
    public ConceptMatch {
        evidence = List.copyOf(evidence);
        negated = List.copyOf(negated);
    }

    public boolean matched() {
        return !evidence.isEmpty();
    }
}
