package ru.mpgu.lab.batch;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** report.md → a standalone report.html page (raw HTML in the Markdown is escaped: it quotes student text). */
public final class ReportHtml {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private ReportHtml() {
    }

    public static String render(String title, String markdown, String backLink) {
        String body = RENDERER.render(PARSER.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + BatchHtml.escape(title)
                + "</title>\n<style>\n" + BatchHtml.CSS + "\n</style>\n</head>\n<body class=\"report\">\n<p><a href=\""
                + BatchHtml.escape(backLink) + "\">← к списку группы</a></p>\n" + body + "</body>\n</html>\n";
    }
}
