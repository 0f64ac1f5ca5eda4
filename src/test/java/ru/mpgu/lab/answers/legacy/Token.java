package ru.mpgu.lab.answers.legacy;

/**
 * One word of an answer.
 *
 * @param norm   lowercase, ё replaced by е
 * @param stem   stem of {@code norm} (Russian or English Snowball)
 * @param clause index of the clause the word is in; negation never crosses clauses
 */
public record Token(String original, String norm, String stem, int start, int end, int clause) {
}
