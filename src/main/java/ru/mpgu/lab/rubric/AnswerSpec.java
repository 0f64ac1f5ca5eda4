package ru.mpgu.lab.rubric;

import java.util.List;

/**
 * How the written answer to one lab question is graded.
 *
 * @param number       question number 1..5, as in the report template
 * @param reviewFrom   kept for older rubrics (review_band's lower bound); the claim grader does not use it
 * @param fullCreditAt share of claim weight from which (inclusive) the answer gets all points
 * @param concepts     the answer key; empty in a student's public rubric (then only the form is checked)
 * @param wrongCauses  components that, named as the cause, make the answer wrong («grafana», «nginx»)
 * @param compareRuns  what the answer says of Requests/sec is checked against the report's two runs
 */
public record AnswerSpec(int number, String question, int minWords, int maxWords,
                         double reviewFrom, double fullCreditAt, List<Concept> concepts, List<String> wrongCauses,
                         boolean compareRuns) {
    public AnswerSpec {
        concepts = List.copyOf(concepts);
        wrongCauses = List.copyOf(wrongCauses);
    }

    public AnswerSpec(int number, String question, int minWords, int maxWords,
                      double reviewFrom, double fullCreditAt, List<Concept> concepts) {
        this(number, question, minWords, maxWords, reviewFrom, fullCreditAt, concepts, List.of(), false);
    }

    /** The student's public rubric has no concepts: only the form of the answer is checked, the teacher grades its content. */
    public boolean formOnly() {
        return concepts.isEmpty();
    }

    public double totalWeight() {
        return concepts.stream().mapToDouble(Concept::weight).sum();
    }

    /** False in a public rubric stripped of the answer key. */
    public boolean hasKey() {
        return !concepts.isEmpty();
    }
}
