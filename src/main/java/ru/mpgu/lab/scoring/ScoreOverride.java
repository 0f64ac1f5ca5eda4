package ru.mpgu.lab.scoring;

/**
 * A teacher's manual decision for one check or one whole criterion: these points replace the automatic ones.
 * (Not named {@code Override} so that it does not shadow {@link java.lang.Override}.)
 *
 * @param exemplar the teacher's exemplar this verdict was taken from, or null for a decision made on this answer
 */
public record ScoreOverride(double points, String comment, ExemplarMatch exemplar) {
    public ScoreOverride {
        comment = comment == null ? "" : comment;
    }

    public ScoreOverride(double points, String comment) {
        this(points, comment, null);
    }
}
