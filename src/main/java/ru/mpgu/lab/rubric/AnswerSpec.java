package ru.mpgu.lab.rubric;

import java.util.List;

/**
 * How the written answer to one lab question is graded.
 *
 * @param number       question number 1..5, as in the report template
 * @param reviewFrom   concept share from which (inclusive) a teacher must look
 * @param fullCreditAt concept share from which (inclusive) the answer gets all points
 */
public record AnswerSpec(int number, String question, int minWords, int maxWords,
                         double reviewFrom, double fullCreditAt, List<Concept> concepts) {
    public AnswerSpec {
        concepts = List.copyOf(concepts);
    }

    /** The student's public rubric has no concepts: only the form of the answer is checked, the teacher grades its content. */
    public boolean formOnly() {
        return concepts.isEmpty();
    }

    public double totalWeight() {
        return concepts.stream().mapToDouble(Concept::weight).sum();
    }
}
