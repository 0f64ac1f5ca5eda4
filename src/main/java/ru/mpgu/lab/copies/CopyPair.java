package ru.mpgu.lab.copies;

/**
 * Two submissions that share something, for the teacher to look at side by side. Never changes a score.
 *
 * @param what      what is shared
 * @param similarity 1.0 = identical
 * @param left      what the first one has (a path to a picture, or text)
 * @param right     the same for the second
 */
public record CopyPair(Kind what, String firstFolder, String secondFolder, double similarity, String detail,
                       String left, String right) {

    /** What two submissions share. */
    public enum Kind {
        SCREENSHOT("скриншот"), WRK_OUTPUT("вывод wrk"), ANSWER("ответ");

        private final String russian;

        Kind(String russian) {
            this.russian = russian;
        }

        public String russian() {
            return russian;
        }
    }
}
