package ru.mpgu.lab.answers.legacy;

import java.util.List;

/**
 * Everything found in one written answer, before it becomes a CheckOutcome.
 *
 * @param fraction      weighted share of concepts found (negated mentions excluded), 0..1
 * @param wordCount     number of words in the answer
 * @param copyOfQuestion the answer only repeats the question
 * @param reviewReasons why a teacher must look (empty when the grade is certain)
 */
public record AnswerEvaluation(int question, List<ConceptMatch> concepts, double fraction, int wordCount,
                               boolean copyOfQuestion, List<String> reviewReasons) {
    public AnswerEvaluation {
        concepts = List.copyOf(concepts);
        reviewReasons = List.copyOf(reviewReasons);
    }

    public boolean empty() {
        return wordCount == 0;
    }

    public List<String> negations() {
        return concepts.stream().flatMap(c -> c.negated().stream()).toList();
    }
}
