package ru.mpgu.lab.output;

import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreSheet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** report.md for the student: one table per criterion, what to fix, timings. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ScoreSheet sheet, RunMetadata meta) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Результат проверки: ").append(sheet.title()).append("\n\n");
        if (sheet.infraFailure()) {
            sb.append("> **Внимание: сбой окружения.** ").append(Texts.INFRA_BANNER).append("\n\n");
        }
        sb.append("**Итого: ").append(Texts.points(sheet.total())).append(" из ").append(Texts.points(sheet.max()))
                .append("** - оценка: **").append(sheet.gradeLabel()).append("** (порог зачёта: ")
                .append(Texts.points(sheet.passMark())).append(").\n\n");
        if (sheet.needsReview()) {
            sb.append("> ").append(Texts.REVIEW_NOTE).append("\n\n");
        }

        sb.append("| № | Критерий | Баллы |\n|---|---|---|\n");
        int i = 1;
        for (CriterionScore c : sheet.criteria()) {
            sb.append("| ").append(i++).append(" | ").append(cell(c.title())).append(" | ")
                    .append(Texts.points(c.earned())).append(" из ").append(Texts.points(c.max()))
                    .append(c.override() != null ? " ✎" : "").append(" |\n");
        }
        sb.append("| | **Итого** | **").append(Texts.points(sheet.total())).append(" из ").append(Texts.points(sheet.max())).append("** |\n\n");

        List<CheckLine> fix = sheet.toFix();
        if (!fix.isEmpty()) {
            sb.append("## Что исправить\n\n");
            int n = 1;
            for (CheckLine l : fix) {
                sb.append(n++).append(". **").append(l.title()).append("** - ").append(l.status().russian())
                        .append(" (").append(Texts.points(l.earned())).append(" из ").append(Texts.points(l.max())).append(").");
                if (!l.message().isBlank()) {
                    sb.append(' ').append(l.message());
                }
                if (!l.hint().isBlank()) {
                    sb.append("\n   *Как исправить:* ").append(l.hint());
                }
                sb.append('\n');
            }
            sb.append('\n');
        }

        i = 1;
        for (CriterionScore c : sheet.criteria()) {
            sb.append("## ").append(i++).append(". ").append(c.title()).append(" - ")
                    .append(Texts.points(c.earned())).append(" из ").append(Texts.points(c.max())).append("\n\n");
            if (c.override() != null) {
                sb.append("> Баллы за критерий исправлены преподавателем: ").append(Texts.points(c.override().points()))
                        .append(". ").append(c.override().comment()).append("\n\n");
            }
            sb.append("| Проверка | Результат | Баллы | Комментарий |\n|---|---|---|---|\n");
            for (CheckLine l : c.checks()) {
                String comment = l.message();
                if (l.override() != null) {
                    comment = "Исправлено преподавателем: " + Texts.overrideNote(l.override()) + (comment.isBlank() ? "" : " (автоматически: " + comment + ")");
                }
                sb.append("| ").append(cell(l.title())).append(" | ").append(statusMark(l.status())).append(' ').append(l.status().russian())
                        .append(" | ").append(Texts.points(l.earned())).append(" из ").append(Texts.points(l.max()))
                        .append(" | ").append(cell(comment)).append(" |\n");
            }
            sb.append('\n');
            for (CheckLine l : c.checks()) {
                if (!l.details().isEmpty()) {
                    sb.append("<details><summary>").append(escapeHtml(l.title())).append(": подробности</summary>\n\n");
                    for (String d : l.details()) {
                        sb.append("- ").append(d).append('\n');
                    }
                    sb.append("\n</details>\n\n");
                }
            }
        }

        if (!meta.phaseTimings().isEmpty()) {
            sb.append("## Время этапов\n\n| Этап | Время |\n|---|---|\n");
            for (Map.Entry<String, Duration> e : meta.phaseTimings().entrySet()) {
                sb.append("| ").append(cell(e.getKey())).append(" | ").append(Texts.duration(e.getValue())).append(" |\n");
            }
            sb.append("| **Всего** | ").append(Texts.duration(meta.elapsed())).append(" |\n\n");
        }
        if (!meta.attachments().isEmpty()) {
            sb.append("## Файлы\n\n");
            for (Attachment a : meta.attachments()) {
                sb.append("- [").append(a.title()).append("](").append(link(a.path())).append(")\n");
            }
            sb.append('\n');
        }
        sb.append("## Сведения о проверке\n\n");
        sb.append("- Репозиторий: `").append(meta.repoPath() == null ? "-" : meta.repoPath().toString()).append("`\n");
        sb.append("- Начало: ").append(Texts.time(meta.startedAt())).append("\n");
        sb.append("- Конец: ").append(Texts.time(meta.finishedAt())).append("\n");
        if (!sheet.warnings().isEmpty()) {
            sb.append("\nЗамечания проверяющей программы (для преподавателя):\n\n");
            for (String w : sheet.warnings()) {
                sb.append("- ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    private static String statusMark(CheckStatus s) {
        return switch (s) {
            case PASSED -> "[+]";
            case PARTIAL -> "[~]";
            case FAILED -> "[-]";
            case NEEDS_REVIEW -> "[?]";
            case INFRA_ERROR -> "[!]";
            case NOT_RUN -> "[ ]";
        };
    }

    /** Table cells cannot hold «|» or line breaks. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String link(Path p) {
        return p.toString().replace('\\', '/').replace(" ", "%20");
    }
}
