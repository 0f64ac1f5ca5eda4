package ru.mpgu.lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import ru.mpgu.lab.policy.SubmissionFiles;

/**
 * Reads report/REPORT.md as filled in by the student. Forgiving (CRLF, BOM, Windows-1251, «,» decimals, units)
 * and never throws: whatever is wrong ends up in {@link LabReport#problems()} with a line number.
 * Sections and code blocks come from commonmark's syntax tree (see {@link #split()}); the heuristics for what
 * students actually write (wrk output without a fence, «Ключ: значение» lines, the quoted question) run on its
 * result. ReportParserSnapshotTest pins the result for every report in the repository.
 */
public final class ReportParser {

    /** Default location of the report inside the student's repository. */
    public static final String DEFAULT_PATH = "report/REPORT.md";
    /** A filled report is a few KB; anything this big has an image or a log pasted in by mistake. */
    public static final long MAX_BYTES = 1_000_000;

    /** The «Вывод» section is graded as a written answer with this number. */
    public static final int CONCLUSION = 6;

    /** The questions as printed in the template; their quote lines are not part of the answer. */
    public static final Map<Integer, String> QUESTIONS = Map.of(
            1, "Почему приложение работает быстро без нагрузки?",
            2, "Что происходит с сервером при росте числа запросов?",
            3, "Почему график перестаёт расти?",
            4, "Что изменилось и почему?",
            5, "Почему увеличение числа Django-контейнеров не решает все проблемы системы?",
            CONCLUSION, "Сформулируйте вывод по работе: что было исследовано и сделано и что показали измерения.");


    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s*(.*?)\\s*#*\\s*$");
    /** «Ответ 1», «Ответ на вопрос №2», «Вопрос 3», also as a bold line «**Ответ 4:**». */
    private static final Pattern ANSWER_TITLE = Pattern.compile("^[*_\\s]*(?:ответ|вопрос)\\s*(?:на\\s+вопрос\\s*)?№?\\s*(\\d)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOLD_ANSWER_LINE = Pattern.compile("^\\s*\\*\\*\\s*(?:ответ|вопрос)\\s*№?\\s*\\d\\s*[.:)]?\\s*\\*\\*\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RUN_TITLE = Pattern.compile(".*прогон\\s*№?\\s*(\\d).*");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(?:[-*+]\\s+)?[*_]{0,2}([^:`]{1,60}?)[*_]{0,2}\\s*:\\s*[*_]{0,2}(.*?)\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[\\s_*>]*(впишите|вставьте)[^\\n]*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WRK_START = Pattern.compile("^\\s*Running\\s+\\d+.*test\\s+@.*");

    private enum Kind { PREAMBLE, ANSWER, RUN, DATABASE, OTHER }

    /** What a line is to the section splitter: part of a section's text, a heading, or not read (fence, comment). */
    private enum Role { TEXT, SKIP, HEADING }

    /** A code block: its first content line (1-based) and its text as pasted. */
    private record Pasted(int firstLine, String text) {
    }

    private static final Parser MARKDOWN = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    /** Quotes and lists nested deeper than this are read as plain lines: no report needs them, and the walk recurses. */
    private static final int MAX_NESTING = 32;
    private static final Pattern ATX_START = Pattern.compile("^\\s{0,3}#");

    /** A heading and the lines under it. */
    private static final class Section {
        final Kind kind;
        final int number;
        final int headingLine;
        final List<Pasted> codeBlocks = new ArrayList<>();
        final List<Integer> textLines = new ArrayList<>();

        Section(Kind kind, int number, int headingLine) {
            this.kind = kind;
            this.number = number;
            this.headingLine = headingLine;
        }
    }

    private final List<ReportProblem> problems = new ArrayList<>();
    private String[] lines;
    /** Each line as its block sees it: without the «>» and list markers of quotes and list items around it. */
    private String[] inBlock;

    private ReportParser() {
    }

    /** The report of a submission, opened only if its real path is inside {@code repo} (see {@link SubmissionFiles}). */
    public static LabReport parseIn(Path repo, String relative) {
        SubmissionFiles.Access access = SubmissionFiles.resolve(repo, relative);
        if (!access.allowed()) {
            return LabReport.unreadable(repo.resolve(relative), new ReportProblem(0, "Отчёт не прочитан: " + access.refusal()));
        }
        return parse(access.path());
    }

    public static LabReport parse(Path file) {
        String shown = file.toString();
        if (!Files.exists(file)) {
            return LabReport.unreadable(file, new ReportProblem(0, "Файл отчёта " + shown
                    + " не найден. Скопируйте шаблон report/REPORT.md из репозитория лабораторной, заполните и сохраните под этим именем."));
        }
        if (!Files.isRegularFile(file)) {
            return LabReport.unreadable(file, new ReportProblem(0, shown + " - это папка, а не файл отчёта."));
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return LabReport.unreadable(file, new ReportProblem(0, String.format(Locale.ROOT,
                        "Файл отчёта слишком большой: %.1f МБ, допустимо не больше %.1f МБ. Скорее всего, в него случайно вставлена картинка или длинный лог. "
                                + "Скриншоты кладите отдельными файлами в папку screenshots/, а в отчёт пишите только путь.",
                        size / 1_000_000.0, MAX_BYTES / 1_000_000.0)));
            }
            return parse(Files.readAllBytes(file), file);
        } catch (IOException e) {
            return LabReport.unreadable(file, new ReportProblem(0, "Не удалось прочитать файл отчёта " + shown + ": " + e.getMessage()));
        }
    }

    public static LabReport parse(byte[] bytes, Path source) {
        if (bytes.length > MAX_BYTES) {
            return LabReport.unreadable(source, new ReportProblem(0, "Файл отчёта слишком большой (больше 1 МБ). Уберите из него картинки и логи."));
        }
        if (ReportDecoder.looksBinary(bytes)) {
            return LabReport.unreadable(source, new ReportProblem(0,
                    "Файл отчёта не похож на текстовый (внутри двоичные данные). Это должен быть обычный текстовый файл Markdown в кодировке UTF-8; "
                            + "откройте шаблон report/REPORT.md в текстовом редакторе и заполните его."));
        }
        ReportDecoder.Decoded d = ReportDecoder.decode(bytes);
        ReportParser p = new ReportParser();
        if (d.encoding().equals("windows-1251")) {
            p.problems.add(new ReportProblem(1, "Файл сохранён в кодировке Windows-1251. Он прочитан, но сохраните его, пожалуйста, в UTF-8 "
                    + "(в Блокноте: «Сохранить как» → Кодировка: UTF-8)."));
        }
        return p.read(d.text(), source);
    }

    /** Parses already decoded text (used by tests and by {@link #parse(byte[], Path)}). */
    public static LabReport parseText(String text, Path source) {
        return new ReportParser().read(text == null ? "" : text, source);
    }

    private LabReport read(String raw, Path source) {
        String text = raw.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            problems.add(new ReportProblem(0, "Файл отчёта пуст. Скопируйте в него шаблон report/REPORT.md и заполните."));
            return new LabReport(source, true, "", "", Map.of(), RunSection.ABSENT, RunSection.ABSENT,
                    new ScreenshotRef("", 0), new ScreenshotRef("", 0), problems);
        }
        lines = text.split("\n", -1);
        List<Section> sections = split();

        String name = "";
        String group = "";
        ScreenshotRef orders = new ScreenshotRef("", 0);
        ScreenshotRef grafana = new ScreenshotRef("", 0);
        Map<Integer, Answer> answers = new HashMap<>();
        RunSection run1 = null;
        RunSection run2 = null;
        RunSection run0 = null;
        DatabaseEvidence database = null;
        ScreenshotRef dbScreenshot = new ScreenshotRef("", 0);

        for (Section s : sections) {
            for (int ln : s.textLines) {
                Matcher kv = KEY_VALUE.matcher(lines[ln - 1]);
                if (!kv.matches()) {
                    continue;
                }
                String key = norm(kv.group(1));
                String value = kv.group(2).trim();
                if (key.contains("скриншот") || key.contains("screenshot")) {
                    String path = imagePath(value);
                    if (s.kind == Kind.DATABASE || key.contains("баз") || key.contains(" бд") || key.contains("db")) {
                        dbScreenshot = new ScreenshotRef(path, ln);
                    } else if (key.contains("order")) {
                        orders = new ScreenshotRef(path, ln);
                    } else if (key.contains("grafana") || key.contains("график")) {
                        grafana = new ScreenshotRef(path, ln);
                    }
                } else if (s.kind != Kind.RUN && (key.equals("фио") || key.contains("студент") || key.equals("имя"))) {
                    name = isPlaceholder(value) ? "" : value;
                } else if (s.kind != Kind.RUN && key.startsWith("групп")) {
                    group = isPlaceholder(value) ? "" : value;
                }
            }
            if (s.kind == Kind.ANSWER) {
                Answer a = readAnswer(s);
                Answer old = answers.get(s.number);
                if (old != null) {
                    problems.add(new ReportProblem(s.headingLine, "Раздел «Ответ " + s.number + "» встречается второй раз (первый - строка "
                            + old.line() + "). Оставьте один."));
                    if (!old.isEmpty()) {
                        continue;
                    }
                }
                answers.put(s.number, a);
            } else if (s.kind == Kind.DATABASE) {
                database = database == null ? readDatabase(s) : database;
            } else if (s.kind == Kind.RUN) {
                RunSection r = readRun(s);
                if (s.number == 0) {
                    run0 = run0 == null ? r : run0;
                } else if (s.number == 1) {
                    run1 = run1 == null ? r : run1;
                } else {
                    run2 = run2 == null ? r : run2;
                }
            }
        }

        for (int q = 1; q <= CONCLUSION; q++) {
            Answer a = answers.get(q);
            if (a == null && q == CONCLUSION) {
                problems.add(new ReportProblem(0, "Нет раздела «## Вывод». Верните заголовок из шаблона и сформулируйте вывод под ним."));
            } else if (a != null && a.isEmpty() && q == CONCLUSION) {
                problems.add(new ReportProblem(a.line(), "Вывод не заполнен: сформулируйте его под заголовком «## Вывод» вместо «_впишите вывод_»."));
            } else if (a == null) {
                problems.add(new ReportProblem(0, "Нет раздела «## Ответ " + q + "» (вопрос: «" + QUESTIONS.get(q)
                        + "»). Верните заголовок из шаблона и впишите ответ под ним."));
            } else if (a.isEmpty()) {
                problems.add(new ReportProblem(a.line(), "Ответ " + q + " не заполнен: впишите его под заголовком вместо «_впишите ответ_»."));
            }
        }
        if (name.isEmpty()) {
            problems.add(new ReportProblem(lineOfKey("фио"), "Не указаны ФИО: заполните строку «ФИО:»."));
        }
        if (group.isEmpty()) {
            problems.add(new ReportProblem(lineOfKey("групп"), "Не указана группа: заполните строку «Группа:»."));
        }
        if (orders.path().isEmpty()) {
            problems.add(new ReportProblem(orders.line(), "Не указан путь к скриншоту /orders: строка «Скриншот /orders: screenshots/orders.png»."));
        }
        if (grafana.path().isEmpty()) {
            problems.add(new ReportProblem(grafana.line(), "Не указан путь к скриншоту Grafana: строка «Скриншот Grafana: screenshots/grafana.png»."));
        }
        if (run1 == null) {
            problems.add(new ReportProblem(0, "Нет раздела «" + ReportRun.ONE_REPLICA.heading() + "» с выводом wrk. Верните его из шаблона."));
        }
        if (run2 == null) {
            problems.add(new ReportProblem(0, "Нет раздела «" + ReportRun.THREE_REPLICAS.heading() + "» с выводом wrk. Верните его из шаблона."));
        }
        if (run0 == null) {
            problems.add(new ReportProblem(0, "Нет раздела «" + ReportRun.BASELINE.heading() + "» с выводом wrk -c1. Верните его из шаблона."));
        }
        if (database == null) {
            problems.add(new ReportProblem(0, "Нет раздела «## База данных при трёх репликах web». Верните его из шаблона."));
            database = DatabaseEvidence.ABSENT;
        }
        database = new DatabaseEvidence(database.statsText(), database.statsLine(), dbScreenshot, database.headingLine());
        problems.sort((a, b) -> Integer.compare(a.lineNumber(), b.lineNumber()));
        return new LabReport(source, true, name, group, answers,
                run1 == null ? RunSection.ABSENT : run1, run2 == null ? RunSection.ABSENT : run2, orders, grafana, problems,
                run0 == null ? RunSection.ABSENT : run0, database);
    }

    /**
     * Splits the report into sections on commonmark's tree. Two forgiving rules CommonMark does not have are applied
     * first, line by line, as the template's instructions promise them: a fence line at the start of a line closes an
     * open block whatever its kind («```bash» … «~~~»), and an HTML comment may start anywhere in a line. The tree
     * then gives the headings and the code blocks inside quotes and list items; lines it leaves as text that still
     * look like headings («#Ответ 1», «**Ответ 2:**») start sections too.
     */
    private List<Section> split() {
        Role[] role = new Role[lines.length];
        Arrays.fill(role, Role.TEXT);
        String[] shaped = new String[lines.length];
        Map<Integer, Pasted> codeAt = new HashMap<>(); // 0-based line of the opening fence
        boolean inComment = false;
        int fenceStart = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            shaped[i] = "";
            if (fenceStart >= 0) {
                role[i] = Role.SKIP;
                if (FENCE.matcher(line).matches()) {
                    codeAt.put(fenceStart, new Pasted(fenceStart + 2, join(fenceStart + 2, i)));
                    fenceStart = -1;
                }
                continue;
            }
            if (inComment) {
                role[i] = Role.SKIP;
                inComment = !line.contains("-->");
                continue;
            }
            if (FENCE.matcher(line).matches()) {
                role[i] = Role.SKIP;
                fenceStart = i;
                continue;
            }
            String stripped = line.replaceAll("<!--.*?-->", "");
            if (stripped.contains("<!--")) {
                role[i] = Role.SKIP;
                inComment = true;
                continue;
            }
            shaped[i] = stripped;
        }
        if (fenceStart >= 0) {
            problems.add(new ReportProblem(fenceStart + 1, "Блок кода, открытый строкой ```, не закрыт. Добавьте строку ``` после вывода wrk."));
            codeAt.put(fenceStart, new Pasted(fenceStart + 2, join(fenceStart + 2, lines.length)));
        }

        Map<Integer, String> headingAt = new HashMap<>();
        inBlock = lines.clone();
        walk(MARKDOWN.parse(String.join("\n", shaped)), 0, shaped, role, codeAt, headingAt);

        List<Section> out = new ArrayList<>();
        Section current = new Section(Kind.PREAMBLE, 0, 0);
        out.add(current);
        for (int i = 0; i < lines.length; i++) {
            Pasted code = codeAt.get(i);
            if (code != null) {
                current.codeBlocks.add(code);
            }
            if (role[i] == Role.SKIP) {
                continue;
            }
            if (role[i] == Role.HEADING) {
                current = classify(headingAt.get(i), i + 1);
                out.add(current);
                continue;
            }
            Matcher h = HEADING.matcher(shaped[i]);
            if (h.matches() || BOLD_ANSWER_LINE.matcher(shaped[i]).matches()) {
                current = classify(h.matches() ? h.group(1) : shaped[i], i + 1);
                out.add(current);
                continue;
            }
            current.textLines.add(i + 1);
        }
        return out;
    }

    /** Top-level ATX headings become sections; fenced blocks inside quotes and list items become code blocks. */
    private void walk(Node parent, int depth, String[] shaped, Role[] role, Map<Integer, Pasted> codeAt, Map<Integer, String> headingAt) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            List<SourceSpan> spans = n instanceof Block ? n.getSourceSpans() : List.of();
            if (spans.isEmpty()) {
                continue;
            }
            int first = spans.get(0).getLineIndex();
            if (n instanceof Heading h && depth == 0 && spans.size() == 1 && ATX_START.matcher(shaped[first]).find()) { // setext: text
                role[first] = Role.HEADING;
                headingAt.put(first, plainText(h));
            } else if (n instanceof FencedCodeBlock f && depth > 0) {
                int last = spans.get(spans.size() - 1).getLineIndex();
                for (int i = first; i <= last; i++) {
                    role[i] = Role.SKIP;
                }
                codeAt.put(first, new Pasted(first + 2, f.getLiteral()));
                if (f.getClosingFenceLength() == null) {
                    problems.add(new ReportProblem(first + 1, "Блок кода, открытый строкой ```, не закрыт. Добавьте строку ``` после вывода wrk."));
                }
            } else if ((n instanceof BlockQuote || n instanceof ListBlock || n instanceof ListItem) && depth < MAX_NESTING) {
                walk(n, depth + 1, shaped, role, codeAt, headingAt);
            } else if (depth > 0) {
                for (SourceSpan span : spans) {
                    String line = shaped[span.getLineIndex()];
                    inBlock[span.getLineIndex()] = line.substring(Math.min(span.getColumnIndex(), line.length()));
                }
            }
        }
    }

    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                sb.append(' ');
            }
        });
        return sb.toString();
    }

    private static Section classify(String title, int ln) {
        String t = norm(title);
        Matcher a = ANSWER_TITLE.matcher(t);
        if (a.matches()) {
            return new Section(Kind.ANSWER, Integer.parseInt(a.group(1)), ln);
        }
        if (t.startsWith("вывод")) {
            return new Section(Kind.ANSWER, CONCLUSION, ln);
        }
        if (t.contains("базовый прогон") || t.contains("одно соединение")) {
            return new Section(Kind.RUN, 0, ln);
        }
        if (t.contains("база данных") || t.contains("базы данных") || t.startsWith("бд")) {
            return new Section(Kind.DATABASE, 0, ln);
        }
        Matcher r = RUN_TITLE.matcher(t);
        if (r.matches()) {
            return new Section(Kind.RUN, r.group(1).equals("1") ? 1 : 2, ln);
        }
        // Reports written on the form before 02.12.2026 name the runs by «контейнер»; both wordings are read.
        if (t.contains("одна реплика") || t.contains("1 реплика") || t.contains("один контейнер") || t.contains("1 контейнер")) {
            return new Section(Kind.RUN, 1, ln);
        }
        if (t.contains("три реплик") || t.contains("3 реплик") || t.contains("трех реплик")
                || t.contains("три контейнер") || t.contains("3 контейнер") || t.contains("трех контейнер")) {
            return new Section(Kind.RUN, 2, ln);
        }
        return new Section(Kind.OTHER, 0, ln);
    }

    private Answer readAnswer(Section s) {
        String question = norm(QUESTIONS.getOrDefault(s.number, "")).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        StringBuilder sb = new StringBuilder();
        for (int ln : s.textLines) {
            String line = lines[ln - 1].replaceAll("<!--.*?-->", "").trim();
            if (line.startsWith(">")) {
                String quoted = norm(line.substring(1)).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
                if (quoted.isEmpty() || quoted.equals(question) || quoted.startsWith("вопрос")) {
                    continue; // the printed question, not the answer
                }
                line = line.substring(1).trim();
            }
            if (isPlaceholder(line)) {
                continue;
            }
            sb.append(line).append('\n');
        }
        for (Pasted block : s.codeBlocks) {
            sb.append(block.text());
        }
        return new Answer(s.number, sb.toString().trim(), s.headingLine);
    }

    private RunSection readRun(Section s) {
        String runName = ReportRun.ofSection(s.number).title();
        String wrk = "";
        int wrkLine = 0;
        for (Pasted block : s.codeBlocks) {
            String content = block.text().trim();
            if (!content.isEmpty() && !isPlaceholder(content)) {
                wrk = content;
                wrkLine = block.firstLine();
                break;
            }
        }
        if (wrk.isEmpty()) {
            // pasted without ``` : take lines from «Running 20s test @» on, also inside a quote or a list item
            for (int i = 0; i < s.textLines.size(); i++) {
                int ln = s.textLines.get(i);
                if (WRK_START.matcher(inBlock[ln - 1]).matches()) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = i; j < s.textLines.size() && s.textLines.get(j) == ln + (j - i); j++) {
                        String l = inBlock[s.textLines.get(j) - 1];
                        if (l.isBlank() || l.matches(".*\\p{IsCyrillic}.*")) {
                            break; // wrk prints no Russian: the student's own lines start here
                        }
                        sb.append(l).append('\n');
                    }
                    wrk = sb.toString().trim();
                    wrkLine = ln;
                    problems.add(new ReportProblem(ln, runName + ": вывод wrk вставлен без рамки. Поставьте строку ``` до и после него."));
                    break;
                }
            }
        }
        if (wrk.isEmpty()) {
            problems.add(new ReportProblem(s.headingLine, runName + ": нет вывода wrk. Вставьте весь вывод команды wrk между строками ```."));
        }

        String latencyText = null;
        Double latency = null;
        Integer errors = null;
        Double rps = null;
        int latencyLine = 0;
        int errorsLine = 0;
        int rpsLine = 0;
        for (int ln : s.textLines) {
            if (wrkLine > 0 && ln >= wrkLine && ln < wrkLine + wrk.split("\n").length) {
                continue; // inside unfenced wrk output
            }
            Matcher kv = KEY_VALUE.matcher(lines[ln - 1]);
            if (!kv.matches()) {
                continue;
            }
            String key = norm(kv.group(1));
            String value = kv.group(2).replaceAll("[*_`]+$", "").replaceAll("^[*_`]+", "").trim();
            boolean empty = isPlaceholder(value) || value.isEmpty();
            if (key.contains("requests/sec") || key.contains("req/sec") || key.equals("rps") || key.contains("запросов в секунду")) {
                rpsLine = ln;
                OptionalDouble v = ReportNumbers.parseDecimal(value);
                if (empty) {
                    problems.add(new ReportProblem(ln, runName + ": не заполнено Requests/sec. Перепишите число из строки «Requests/sec:» вывода wrk."));
                } else if (v.isEmpty()) {
                    problems.add(new ReportProblem(ln, runName + ": «" + value + "» - не число. Впишите Requests/sec числом, например 245.31."));
                } else {
                    rps = v.getAsDouble();
                }
            } else if (key.contains("задержк") || key.contains("latency") || key.contains("время ответа")) {
                latencyLine = ln;
                Optional<ReportNumbers.Latency> v = ReportNumbers.parseLatency(value);
                if (empty) {
                    problems.add(new ReportProblem(ln, runName + ": не заполнена средняя задержка. Перепишите значение Avg из строки «Latency» вывода wrk, с единицами (например 120.5ms)."));
                } else if (v.isEmpty()) {
                    problems.add(new ReportProblem(ln, runName + ": «" + value + "» - не похоже на время. Впишите, например, «120.5ms» или «1.2s»."));
                } else {
                    latencyText = value;
                    latency = v.get().millis();
                    if (!v.get().unitGiven()) {
                        problems.add(new ReportProblem(ln, runName + ": у задержки не указаны единицы измерения; число принято за миллисекунды. Пишите как в wrk: ms, s или us."));
                    }
                }
            } else if (key.contains("ошибк") || key.contains("error")) {
                errorsLine = ln;
                Optional<Integer> v = ReportNumbers.parseErrors(value);
                if (empty) {
                    problems.add(new ReportProblem(ln, runName + ": не заполнено число ошибок. Впишите 0, если в выводе wrk нет строк «Socket errors» и «Non-2xx»."));
                } else if (v.isEmpty()) {
                    problems.add(new ReportProblem(ln, runName + ": «" + value + "» - укажите число ошибок цифрами (0, если ошибок нет)."));
                } else {
                    errors = v.get();
                }
            }
        }
        if (latencyLine == 0) {
            problems.add(new ReportProblem(s.headingLine, runName + ": нет строки «Средняя задержка (Latency Avg): ...». Верните её из шаблона."));
        }
        if (errorsLine == 0) {
            problems.add(new ReportProblem(s.headingLine, runName + ": нет строки «Ошибки: ...». Верните её из шаблона."));
        }
        if (rpsLine == 0) {
            problems.add(new ReportProblem(s.headingLine, runName + ": нет строки «Requests/sec: ...». Верните её из шаблона."));
        }
        return new RunSection(wrk, wrkLine, new FilledNumbers(latencyText, latency, errors, rps, latencyLine, errorsLine, rpsLine), s.headingLine);
    }

    /** The first non-placeholder code block: the pasted `docker stats` lines. */
    private DatabaseEvidence readDatabase(Section s) {
        for (Pasted block : s.codeBlocks) {
            String content = block.text().trim();
            if (!content.isEmpty() && !isPlaceholder(content)) {
                return new DatabaseEvidence(content, block.firstLine(), new ScreenshotRef("", 0), s.headingLine);
            }
        }
        return new DatabaseEvidence("", 0, new ScreenshotRef("", 0), s.headingLine);
    }

    private int lineOfKey(String keyStart) {
        for (int i = 0; i < lines.length; i++) {
            Matcher kv = KEY_VALUE.matcher(lines[i]);
            if (kv.matches() && norm(kv.group(1)).startsWith(keyStart)) {
                return i + 1;
            }
        }
        return 0;
    }

    private String join(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int ln = from; ln <= to; ln++) {
            sb.append(lines[ln - 1]).append('\n');
        }
        return sb.toString();
    }

    /** «screenshots/orders.png», «`screenshots/orders.png`» or «![скрин](screenshots/orders.png)». */
    private static String imagePath(String value) {
        Matcher img = Pattern.compile("!?\\[[^]]*]\\(([^)]+)\\)").matcher(value);
        String v = img.find() ? img.group(1) : value;
        v = v.replaceAll("^[`'\"<*_]+|[`'\">*_]+$", "").trim();
        return isPlaceholder(v) ? "" : v;
    }

    static boolean isPlaceholder(String value) {
        String v = value.trim();
        return v.isEmpty() || PLACEHOLDER.matcher(v).matches() || v.matches("[_.…\\s-]+");
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е').trim();
    }
}
