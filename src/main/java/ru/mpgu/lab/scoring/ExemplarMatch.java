package ru.mpgu.lab.scoring;

/**
 * Where an override came from when it is the teacher's verdict on an earlier, similar answer (an exemplar of the
 * batch's answer groups): the student's report names it instead of an anonymous "corrected by the teacher".
 *
 * @param group          the student's answer group in this batch (q5-g03)
 * @param exemplar       the id of the exemplar the teacher decided (q5-g01)
 * @param text           the exemplar's answer, in full (reports shorten it with {@link #shortText})
 * @param similarity     Jaccard similarity of the student's answer to the exemplar, 0..1
 * @param verdict        the teacher's verdict on the exemplar
 * @param teacherComment the teacher's comment on the exemplar, may be empty
 */
public record ExemplarMatch(String group, String exemplar, String text, double similarity, TeacherVerdict verdict,
                            String teacherComment) {

    /** Longest exemplar text a report quotes. */
    public static final int SHORT_CHARS = 160;

    /** A teacher's verdict on an answer group, as written in answer-groups.yaml. */
    public enum TeacherVerdict {
        ACCEPT, PARTIAL, REJECT;

        /** accept / partial / reject (any case), or null for anything else. */
        public static TeacherVerdict parse(String s) {
            return switch (s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "accept" -> ACCEPT;
                case "partial" -> PARTIAL;
                case "reject" -> REJECT;
                default -> null;
            };
        }

        public String russian() {
            return switch (this) {
                case ACCEPT -> "зачтено полностью";
                case PARTIAL -> "зачтено наполовину";
                case REJECT -> "не зачтено";
            };
        }
    }

    public ExemplarMatch {
        group = group == null ? "" : group;
        exemplar = exemplar == null ? "" : exemplar;
        text = text == null ? "" : text;
        teacherComment = teacherComment == null ? "" : teacherComment;
    }

    /** The exemplar's text on one line, cut at a word boundary to at most {@value #SHORT_CHARS} characters. */
    public String shortText() {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() <= SHORT_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', SHORT_CHARS - 1);
        return t.substring(0, cut > SHORT_CHARS / 2 ? cut : SHORT_CHARS - 1).strip() + "…";
    }
}
