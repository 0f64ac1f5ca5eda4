package ru.mpgu.lab.answers;

import java.util.List;

/**
 * Everything found in one written answer, before it becomes a CheckOutcome.
 *
 * @param fraction       weighted share of claims made (denied and misattributed ones excluded), 0..1
 * @param keywordList    the answer is a list of words with no statement («очередь, ресурсы, процессор»)
 * @param noStatement    every sentence of the answer is a question or an instruction: it claims nothing
 * @param wrongCauses    wrong components the answer blames, with the student's words («Grafana не успевает»)
 * @param runsConflict   what the answer says about Requests/sec against the report's two runs; null if no conflict
 * @param reviewReasons  why a teacher must look (empty when the verdict is certain)
 */
public record AnswerEvaluation(int question, List<ConceptMatch> concepts, double fraction, int wordCount,
                               boolean copyOfQuestion, boolean keywordList, boolean noStatement, List<String> wrongCauses,
                               String runsConflict, Verdict verdict, List<String> reviewReasons) {
    public AnswerEvaluation {
        concepts = List.copyOf(concepts);
        wrongCauses = List.copyOf(wrongCauses);
        reviewReasons = List.copyOf(reviewReasons);
    }

    public boolean empty() {
        return wordCount == 0;
    }

    public List<String> negations() {
        return concepts.stream().flatMap(c -> c.negated().stream()).toList();
    }
}
