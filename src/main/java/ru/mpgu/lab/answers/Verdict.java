package ru.mpgu.lab.answers;

/** What a teacher would decide about one written answer. */
public enum Verdict {
    ACCEPT, PARTIAL, REJECT, REVIEW
}
