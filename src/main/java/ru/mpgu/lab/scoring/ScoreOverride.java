package ru.mpgu.lab.scoring;

/**
 * A teacher's manual decision for one check or one whole criterion: these points replace the automatic ones.
 * (Not named {@code Override} so that it does not shadow {@link java.lang.Override}.)
 */
public record ScoreOverride(double points, String comment) {
    public ScoreOverride {
        comment = comment == null ? "" : comment;
    }
}
