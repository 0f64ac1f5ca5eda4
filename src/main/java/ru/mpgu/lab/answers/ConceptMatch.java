package ru.mpgu.lab.answers;

import ru.mpgu.lab.rubric.Concept;

import java.util.List;

/**
 * How one claim fared in an answer.
 *
 * @param evidence     the student's own words that make the claim
 * @param negated      the student's words that deny it or make a counter-claim («база тут ни при чём»)
 * @param misattributed the claim made of a wrong component («nginx не справляется»): not credited
 */
public record ConceptMatch(Concept concept, List<String> evidence, List<String> negated, List<String> misattributed) {
    public ConceptMatch {
        evidence = List.copyOf(evidence);
        negated = List.copyOf(negated);
        misattributed = List.copyOf(misattributed);
    }

    public boolean matched() {
        return !evidence.isEmpty();
    }

    public boolean denied() {
        return !negated.isEmpty() && evidence.isEmpty();
    }
}
