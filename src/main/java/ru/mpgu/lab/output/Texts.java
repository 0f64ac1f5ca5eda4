package ru.mpgu.lab.output;

import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.ExemplarMatch;
import ru.mpgu.lab.scoring.ScoreOverride;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Russian formatting shared by the console and Markdown outputs. */
public final class Texts {

    static final String INFRA_BANNER = "Часть проверок не удалось выполнить из-за сбоя окружения (Docker, сеть, нехватка времени или памяти). "
            + "Это НЕ ошибка в вашей работе и баллы за них не сняты окончательно: исправьте окружение (запустите Docker, освободите память и порты) "
            + "и запустите проверку ещё раз. Если сбой повторяется - покажите этот отчёт преподавателю.";
    static final String REVIEW_NOTE = "Часть баллов поставлена предварительно: эти ответы посмотрит преподаватель.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    private Texts() {
    }

    /** 1.5 → «1,5», 2.0 → «2». */
    public static String points(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " мс";
        }
        if (ms < 60_000) {
            return BigDecimal.valueOf(ms / 1000.0).setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " с";
        }
        long s = Math.round(ms / 1000.0);
        return (s / 60) + " мин " + String.format("%02d", s % 60) + " с";
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    /**
     * What the teacher's override says: its comment, or, for a verdict taken from a teacher's exemplar, which
     * exemplar, how close the answer is, its text (shortened) and the teacher's verdict and comment.
     */
    public static String overrideNote(ScoreOverride o) {
        ExemplarMatch e = o.exemplar();
        if (e == null) {
            return o.comment();
        }
        StringBuilder sb = new StringBuilder("оценка взята из образца преподавателя ").append(e.exemplar());
        if (!e.group().isEmpty()) {
            sb.append(" (ваш ответ в группе ").append(e.group()).append(')');
        }
        sb.append(": сходство с образцом ").append(Math.round(e.similarity() * 100)).append(" %, образец: «")
                .append(e.shortText()).append("». Решение преподавателя по образцу: ").append(e.verdict().russian());
        if (!e.teacherComment().isBlank()) {
            sb.append(", комментарий: «").append(e.teacherComment().strip()).append('»');
        }
        return sb.append('.').toString();
    }

    /** What the student should do for a check: the rubric hint, or the message when there is no hint. */
    static String fix(CheckLine line) {
        return line.hint().isBlank() ? line.message() : line.hint();
    }
}
