package ru.mpgu.lab.answers;

import java.util.Set;

/**
 * One word of an answer.
 *
 * @param norm     lowercase, ё replaced by е
 * @param stem     Snowball stem of {@code norm} (Russian or English), the fallback for words the dictionary lacks
 * @param lemmas   dictionary lemmas (empty for unknown and Latin words)
 * @param verb     the word can be a finite verb, short participle or predicative: the clause says something
 * @param clause   index of the clause; negation never crosses clauses
 * @param sentence index of the sentence
 * @param directive the word, first in its clause, makes the clause an instruction, not a claim: an imperative
 *                  («посмотрите»), an infinitive («измерить») or a word of necessity («нужно», «надо»)
 */
public record Token(String original, String norm, String stem, Set<String> lemmas, boolean verb,
                    int start, int end, int clause, int sentence, boolean directive) {

    /** Same word as {@code other}: a shared lemma, or the same stem when either is unknown to the dictionary. */
    public boolean sameWord(Token other) {
        if (!lemmas.isEmpty() && !other.lemmas.isEmpty()) {
            for (String l : lemmas) {
                if (other.lemmas.contains(l)) {
                    return true;
                }
            }
            return norm.equals(other.norm);
        }
        return stem.equals(other.stem);
    }
}
