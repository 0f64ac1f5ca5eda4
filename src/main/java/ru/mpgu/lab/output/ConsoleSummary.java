package ru.mpgu.lab.output;

import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreSheet;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Plain-text summary for the terminal: ASCII frame only, so Windows consoles show it fine. */
public final class ConsoleSummary {

    private static final int WIDTH = 72;
    private static final String RULE = "=".repeat(WIDTH);
    private static final String THIN = "-".repeat(WIDTH);

    private ConsoleSummary() {
    }

    public static String render(ScoreSheet sheet, RunMetadata meta) {
        StringBuilder sb = new StringBuilder();
        sb.append(RULE).append('\n');
        sb.append(" Проверка лабораторной «").append(sheet.title()).append("»\n");
        sb.append(RULE).append('\n');
        if (sheet.infraFailure()) {
            sb.append(" ВНИМАНИЕ: СБОЙ ОКРУЖЕНИЯ\n");
            wrap(sb, Texts.INFRA_BANNER, "   ");
            sb.append(THIN).append('\n');
        }
        int i = 1;
        for (CriterionScore c : sheet.criteria()) {
            String name = " " + i++ + ". " + c.title();
            String score = Texts.points(c.earned()) + " из " + Texts.points(c.max()) + (c.override() != null ? " (исправлено преподавателем)" : "");
            sb.append(pad(name, 40)).append(score).append('\n');
        }
        sb.append(THIN).append('\n');
        sb.append(" Итого: ").append(Texts.points(sheet.total())).append(" из ").append(Texts.points(sheet.max()))
                .append("   Оценка: ").append(sheet.gradeLabel())
                .append(" (порог зачёта: ").append(Texts.points(sheet.passMark())).append(")\n");
        if (sheet.needsReview()) {
            sb.append(" ").append(Texts.REVIEW_NOTE).append('\n');
        }
        double byTeacher = sheet.allChecks().filter(CheckLine::teacherGrades).mapToDouble(l -> l.max() - l.earned()).sum();
        if (byTeacher > 0) {
            wrap(sb, "Ещё " + Texts.points(byTeacher) + " б. за письменные ответы и вывод оценит преподаватель:"
                    + " самопроверка проверяет в них только форму.", " ");
        }

        List<CheckLine> fix = sheet.toFix();
        if (!fix.isEmpty()) {
            sb.append('\n').append(" Что исправить:\n");
            int n = 1;
            for (CheckLine l : fix) {
                sb.append(String.format(" %2d. %s - %s (%s из %s)%n", n++, l.title(), l.status().russian(),
                        Texts.points(l.earned()), Texts.points(l.max())));
                if (!l.message().isBlank()) {
                    wrap(sb, l.message(), "     ");
                }
                if (!l.hint().isBlank()) {
                    wrap(sb, "Как исправить: " + l.hint(), "     ");
                }
            }
        } else if (!sheet.infraFailure()) {
            sb.append('\n').append(" Исправлять нечего: все проверки пройдены.\n");
        }

        List<CheckLine> infra = sheet.checksWith(CheckStatus.INFRA_ERROR);
        List<CheckLine> notRun = sheet.checksWith(CheckStatus.NOT_RUN);
        if (!infra.isEmpty() || !notRun.isEmpty()) {
            sb.append('\n').append(" Не удалось проверить (не ваша вина, запустите проверку ещё раз):\n");
            for (CheckLine l : infra) {
                sb.append("   - ").append(l.title()).append(": ").append(l.message()).append('\n');
            }
            for (CheckLine l : notRun) {
                sb.append("   - ").append(l.title()).append(": не запускалась\n");
            }
        }
        List<CheckLine> review = sheet.checksWith(CheckStatus.NEEDS_REVIEW).stream().filter(l -> !l.needsFix()).toList();
        if (!review.isEmpty()) {
            sb.append('\n').append(" Проверит преподаватель (баллы предварительные):\n");
            for (CheckLine l : review) {
                sb.append("   - ").append(l.title()).append(": ").append(l.message()).append('\n');
            }
        }
        if (!meta.phaseTimings().isEmpty()) {
            sb.append('\n').append(" Время этапов:\n");
            for (Map.Entry<String, Duration> e : meta.phaseTimings().entrySet()) {
                sb.append(pad("   " + e.getKey(), 40)).append(Texts.duration(e.getValue())).append('\n');
            }
            sb.append(pad("   Всего", 40)).append(Texts.duration(meta.elapsed())).append('\n');
        }
        sb.append(RULE).append('\n');
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** Wraps long Russian sentences at spaces so they stay readable in an 80-column console. */
    static void wrap(StringBuilder sb, String text, String indent) {
        int max = WIDTH - indent.length();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                    sb.append(indent).append(line).append('\n');
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            if (line.length() > 0) {
                sb.append(indent).append(line).append('\n');
            }
        }
    }
}
