package ru.mpgu.lab.batch;

import static ru.mpgu.lab.batch.BatchHtml.escape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import ru.mpgu.lab.copies.CopyPair;

/** The «Похожие работы» part of index.html: each pair side by side, for the teacher to decide. */
final class CopiesSection {

    static final String DIR = "copies";

    private CopiesSection() {
    }

    static String render(List<CopyPair> pairs, Path submissions, Path outDir) throws IOException {
        StringBuilder sb = new StringBuilder("<h2 id=\"copies\">Похожие работы</h2>\n");
        if (pairs.isEmpty()) {
            return sb.append("<p class=\"meta\">Одинаковых скриншотов, выводов wrk и ответов не найдено.</p>\n").toString();
        }
        sb.append("<p class=\"meta\">Найдено пар: ").append(pairs.size()).append(". Баллы от этого не меняются: решите сами,")
                .append(" списано ли (вывод wrk мог быть снят вдвоём на одном стенде, ответ — совпасть по учебнику).</p>\n");
        sb.append("<table class=\"copies\">\n<thead><tr><th>Что</th><th>Работы</th><th>Сходство</th><th>Первая</th><th>Вторая</th></tr></thead>\n<tbody>\n");
        for (CopyPair p : pairs) {
            sb.append("<tr><td>").append(escape(p.what().russian())).append("<br><small>").append(escape(p.detail()))
                    .append("</small></td><td>").append(escape(p.firstFolder())).append("<br>").append(escape(p.secondFolder()))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.0f %%", p.similarity() * 100)).append("</td>");
            if (p.what() == CopyPair.Kind.SCREENSHOT) {
                sb.append("<td>").append(image(p.left(), submissions, outDir)).append("</td><td>")
                        .append(image(p.right(), submissions, outDir)).append("</td>");
            } else {
                sb.append("<td><pre class=\"copy\">").append(escape(p.left())).append("</pre></td><td><pre class=\"copy\">")
                        .append(escape(p.right())).append("</pre></td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    /** A copy of the picture next to index.html (the submissions folder may be elsewhere or be cleaned up). */
    private static String image(String relative, Path submissions, Path outDir) throws IOException {
        Path src = submissions.resolve(relative).normalize();
        if (!src.startsWith(submissions.normalize()) || !Files.isRegularFile(src)) {
            return escape(relative);
        }
        String name = relative.replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = outDir.resolve(DIR).resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
        return "<a href=\"" + DIR + "/" + escape(name) + "\"><img class=\"copy\" src=\"" + DIR + "/" + escape(name) + "\" alt=\""
                + escape(relative) + "\"></a><br><small>" + escape(relative) + "</small>";
    }
}
