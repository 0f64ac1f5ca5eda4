package ru.mpgu.lab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ReportParserTest {

    static final String WRK_1 = """
            Running 20s test @ http://localhost:8000/orders
              2 threads and 30 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   120.53ms   35.12ms 412.00ms   71.23%
                Req/Sec   124.61     30.55   210.00     68.50%
              4978 requests in 20.03s, 12.34MB read
            Requests/sec:    248.53
            Transfer/sec:    630.91KB""";

    static final String WRK_3 = """
            Running 20s test @ http://localhost:8000/orders
              2 threads and 30 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    60.10ms   20.00ms 300.00ms   75.00%
                Req/Sec   250.00     40.00   400.00     70.00%
              9980 requests in 20.02s, 24.70MB read
            Requests/sec:    498.50
            Transfer/sec:      1.23MB""";

    static final String WRK_C1 = """
            Running 10s test @ http://localhost:8000/orders
              1 threads and 1 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    10.20ms    1.10ms  20.00ms   80.00%
                Req/Sec    98.00      5.00   110.00     70.00%
              980 requests in 10.01s, 2.43MB read
            Requests/sec:     97.90
            Transfer/sec:    248.60KB""";

    static final String DOCKER_STATS = """
            CONTAINER ID   NAME                       CPU %     MEM USAGE / LIMIT     MEM %     NET I/O           BLOCK I/O        PIDS
            1a2b3c4d5e6f   django-scaling-lab-db-1    48.91%    61.2MiB / 256MiB      23.91%    30.1MB / 190MB    0B / 1.2MB       12
            2b3c4d5e6f70   django-scaling-lab-web-1   29.40%    88.0MiB / 160MiB      55.00%    70.2MB / 12MB     0B / 0B          5
            3c4d5e6f7081   django-scaling-lab-web-2   31.02%    87.1MiB / 160MiB      54.44%    69.9MB / 12MB     0B / 0B          5
            4d5e6f708192   django-scaling-lab-web-3   30.11%    86.5MiB / 160MiB      54.06%    70.0MB / 12MB     0B / 0B          5""";

    /** The repository template filled in the way a student would. */
    static String filledReport() throws Exception {
        String t = Files.readString(Path.of(ReportParser.DEFAULT_PATH));
        t = t.replace("ФИО: _впишите_", "ФИО: Иванов Иван Иванович")
                .replace("Группа: _впишите_", "Группа: ИВТ-21");
        t = replaceNth(t, "_впишите ответ_", "Запросов мало, они не ждут в очереди, ресурсов хватает.");
        t = replaceNth(t, "_впишите ответ_", "Запросы ждут в очереди, задержка растёт.");
        t = replaceNth(t, "_впишите ответ_", "Сервер упёрся в предел.");
        t = replaceNth(t, "_впишите ответ_", "RPS вырос, потому что Nginx распределяет запросы.");
        t = replaceNth(t, "_впишите ответ_", "База данных одна и становится узким местом.");
        t = replaceNth(t, "вставьте сюда весь вывод wrk", WRK_C1);
        t = replaceNth(t, "Средняя задержка (Latency Avg): _впишите_", "Средняя задержка (Latency Avg): 10.20ms");
        t = replaceNth(t, "Ошибки: _впишите_", "Ошибки: 0");
        t = replaceNth(t, "Requests/sec: _впишите_", "Requests/sec: 97.90");
        t = replaceNth(t, "вставьте сюда строки docker stats", DOCKER_STATS);
        t = replaceNth(t, "_впишите вывод_", "Исследовано поведение приложения под нагрузкой, выполнено масштабирование, метрики показали предел базы данных.");
        t = replaceNth(t, "вставьте сюда весь вывод wrk", WRK_1);
        t = replaceNth(t, "вставьте сюда весь вывод wrk", WRK_3);
        t = replaceNth(t, "Средняя задержка (Latency Avg): _впишите_", "Средняя задержка (Latency Avg): 120,53 мс");
        t = replaceNth(t, "Ошибки: _впишите_", "Ошибки: нет");
        t = replaceNth(t, "Requests/sec: _впишите_", "Requests/sec: 248.53");
        t = replaceNth(t, "Средняя задержка (Latency Avg): _впишите_", "Средняя задержка (Latency Avg): 60.10ms");
        t = replaceNth(t, "Ошибки: _впишите_", "Ошибки: connect 0, read 3, write 0, timeout 2");
        t = replaceNth(t, "Requests/sec: _впишите_", "Requests/sec: 498,5");
        return t;
    }

    private static String replaceNth(String s, String what, String with) {
        int i = s.indexOf(what);
        assertThat(i).as("template contains %s", what).isGreaterThanOrEqualTo(0);
        return s.substring(0, i) + with + s.substring(i + what.length());
    }

    @Test
    void theFormPrintsEachRunHeadingAsTheGraderNamesIt() throws Exception {
        String form = Files.readString(Path.of(ReportParser.DEFAULT_PATH));
        for (ReportRun run : ReportRun.values()) {
            assertThat(form.lines()).as("report/REPORT.md").contains(run.heading());
        }
        LabReport empty = ReportParser.parseText("# Отчёт\n", null);
        assertThat(empty.problems()).extracting(ReportProblem::message)
                .contains("Нет раздела «## Прогон 1: одна реплика web» с выводом wrk. Верните его из шаблона.");
    }

    @Test
    void runsAreReadUnderTheReplicaHeadingsAndUnderTheOldContainerOnes() {
        for (String[] headings : new String[][]{
                {"## Прогон 1: одна реплика web", "## Прогон 2: три реплики web"},
                {"## Прогон 1: один контейнер web", "## Прогон 2: три контейнера web"},
                {"## Одна реплика", "## Три реплики"},
                {"## Один контейнер", "## Три контейнера"}}) {
            LabReport r = ReportParser.parseText(headings[0] + "\n```\n" + WRK_1 + "\n```\n\n"
                    + headings[1] + "\n```\n" + WRK_3 + "\n```\n", null);
            assertThat(r.wrkOutput1Replica()).as(headings[0]).contains("Requests/sec:    248.53");
            assertThat(r.wrkOutput3Replicas()).as(headings[1]).contains("Requests/sec:    498.50");
        }
    }

    @Test
    void templateQuestionsAreTheRubricQuestions() {
        Rubric r = RubricLoader.load(Path.of("rubric.yaml"));
        for (int q = 1; q <= 5; q++) {
            assertThat(ReportParser.QUESTIONS.get(q)).isEqualTo(r.answerCheck(q).orElseThrow().answer().question());
        }
    }

    @Test
    void emptyTemplateIsReadableAndEverythingIsReportedMissing() {
        LabReport r = ReportParser.parse(Path.of(ReportParser.DEFAULT_PATH));
        assertThat(r.readable()).isTrue();
        for (int q = 1; q <= 5; q++) {
            assertThat(r.answer(q)).as("answer %d", q).isEmpty();
        }
        assertThat(r.wrkOutput1Replica()).isEmpty();
        assertThat(r.wrkOutput3Replicas()).isEmpty();
        assertThat(r.studentName()).isEmpty();
        assertThat(r.ordersScreenshot().path()).isEqualTo("screenshots/orders.png");
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.lineNumber()).isPositive());
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("Ответ 5 не заполнен"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("Прогон 2").contains("нет вывода wrk"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("не заполнено Requests/sec"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("ФИО"));
    }

    @Test
    void filledReportIsParsedCompletely() throws Exception {
        LabReport r = ReportParser.parseText(filledReport(), Path.of("REPORT.md"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.studentName()).isEqualTo("Иванов Иван Иванович");
        assertThat(r.group()).isEqualTo("ИВТ-21");
        assertThat(r.answer(1)).isEqualTo("Запросов мало, они не ждут в очереди, ресурсов хватает.");
        assertThat(r.answer(5)).isEqualTo("База данных одна и становится узким местом.");
        assertThat(r.answers().get(5).line()).isPositive();
        assertThat(r.wrkOutput1Replica()).isEqualTo(WRK_1);
        assertThat(r.wrkOutput3Replicas()).isEqualTo(WRK_3);
        FilledNumbers n1 = r.oneReplica().numbers();
        assertThat(n1.latencyText()).isEqualTo("120,53 мс");
        assertThat(n1.latencyMillis()).isCloseTo(120.53, offset(1e-9));
        assertThat(n1.errors()).isZero();
        assertThat(n1.requestsPerSec()).isCloseTo(248.53, offset(1e-9));
        assertThat(n1.complete()).isTrue();
        FilledNumbers n3 = r.threeReplicas().numbers();
        assertThat(n3.latencyMillis()).isCloseTo(60.10, offset(1e-9));
        assertThat(n3.errors()).isEqualTo(5);
        assertThat(n3.requestsPerSec()).isCloseTo(498.5, offset(1e-9));
        assertThat(r.grafanaScreenshot().path()).isEqualTo("screenshots/grafana.png");
        assertThat(r.grafanaScreenshot().line()).isPositive();
        assertThat(r.oneReplica().wrkOutputLine()).isLessThan(r.threeReplicas().wrkOutputLine());
        assertThat(r.baseline().wrkOutput()).isEqualTo(WRK_C1);
        assertThat(r.baseline().numbers().requestsPerSec()).isCloseTo(97.90, offset(1e-9));
        assertThat(r.database().statsText()).isEqualTo(DOCKER_STATS);
        assertThat(r.database().hasScreenshot()).isFalse();
        assertThat(r.answer(ReportParser.CONCLUSION)).startsWith("Исследовано поведение");
    }

    @Test
    void crlfAndBomAreAccepted() throws Exception {
        byte[] body = filledReport().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        LabReport r = ReportParser.parse(withBom, Path.of("REPORT.md"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.studentName()).isEqualTo("Иванов Иван Иванович");
        assertThat(r.wrkOutput1Replica()).isEqualTo(WRK_1);
        assertThat(r.oneReplica().numbers().requestsPerSec()).isEqualTo(248.53);
    }

    @Test
    void windows1251IsDecodedWithANotice(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("REPORT.md");
        Files.write(f, filledReport().replace("\n", "\r\n").getBytes(Charset.forName("windows-1251")));
        LabReport r = ReportParser.parse(f);
        assertThat(r.answer(5)).isEqualTo("База данных одна и становится узким местом.");
        assertThat(r.group()).isEqualTo("ИВТ-21");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.lineNumber()).isEqualTo(1);
            assertThat(p.message()).contains("Windows-1251").contains("UTF-8");
        });
    }

    @Test
    void utf16FromNotepadIsDecoded() throws Exception {
        byte[] body = filledReport().getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        LabReport r = ReportParser.parse(all, Path.of("REPORT.md"));
        assertThat(r.answer(2)).isEqualTo("Запросы ждут в очереди, задержка растёт.");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        LabReport r = ReportParser.parse(dir.resolve("report/REPORT.md"));
        assertThat(r.readable()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("не найден").contains("шаблон"));
        assertThat(r.answer(1)).isEmpty();
    }

    @Test
    void directoryInsteadOfFile(@TempDir Path dir) {
        assertThat(ReportParser.parse(dir).problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("папка"));
    }

    @Test
    void emptyFile(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("REPORT.md"), new byte[0]);
        LabReport r = ReportParser.parse(f);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("пуст"));
        assertThat(ReportParser.parseText("  \r\n \n", null).problems()).hasSize(1);
    }

    @Test
    void binaryJunkIsRefused(@TempDir Path dir) throws Exception {
        byte[] junk = new byte[5000];
        new Random(42).nextBytes(junk);
        Path f = Files.write(dir.resolve("REPORT.md"), junk);
        LabReport r = ReportParser.parse(f);
        assertThat(r.readable()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("не похож на текстовый"));
    }

    @Test
    void hugeFileIsRefusedWithSize(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("REPORT.md"), "а".repeat(5_000_000).getBytes(StandardCharsets.UTF_8));
        LabReport r = ReportParser.parse(f);
        assertThat(r.readable()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("слишком большой").contains("10.0 МБ"));
    }

    @Test
    void sloppyButRecognisableReport() {
        String text = """
                ФИО:   Петрова А.
                **Группа:** ПИ-22

                Скриншот /orders: ![orders](img/o.jpg)
                Скриншот Grafana: `img/g.png`

                ### ответ №1
                > Почему приложение работает быстро без нагрузки?
                > потому что запросов мало

                **Ответ 2:**
                Очередь растёт.

                # Прогон 1
                Running 20s test @ http://localhost:8000/orders
                  2 threads and 30 connections
                  4978 requests in 20.03s, 12.34MB read
                Requests/sec:    248.53
                Transfer/sec:    630.91KB

                Средняя задержка:  1.2s
                Ошибки: есть
                Requests/sec: 1 234,5

                ## Прогон 2: три контейнера web
                ```
                Running 20s test @ http://localhost:8000/orders
                ```
                Latency Avg: 850us
                Ошибки: 0
                Requests/sec: две тысячи
                Средняя задержка: 12
                """;
        LabReport r = ReportParser.parseText(text, null);
        assertThat(r.studentName()).isEqualTo("Петрова А.");
        assertThat(r.group()).isEqualTo("ПИ-22");
        assertThat(r.ordersScreenshot().path()).isEqualTo("img/o.jpg");
        assertThat(r.grafanaScreenshot().path()).isEqualTo("img/g.png");
        assertThat(r.answer(1)).isEqualTo("потому что запросов мало");
        assertThat(r.answer(2)).isEqualTo("Очередь растёт.");
        assertThat(r.wrkOutput1Replica()).startsWith("Running 20s test").endsWith("Transfer/sec:    630.91KB");
        assertThat(r.oneReplica().numbers().latencyMillis()).isEqualTo(1200.0);
        assertThat(r.oneReplica().numbers().requestsPerSec()).isEqualTo(1234.5);
        assertThat(r.oneReplica().numbers().errors()).isNull();
        assertThat(r.threeReplicas().numbers().latencyMillis()).isEqualTo(12.0); // last line wins, no unit
        assertThat(r.threeReplicas().numbers().requestsPerSec()).isNull();
        assertThat(r.problems()).extracting(ReportProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("строка 15").contains("без рамки"))
                .anySatisfy(p -> assertThat(p).startsWith("строка 22").contains("укажите число ошибок"))
                .anySatisfy(p -> assertThat(p).startsWith("строка 31").contains("не число"))
                .anySatisfy(p -> assertThat(p).startsWith("строка 32").contains("единицы измерения"))
                .anySatisfy(p -> assertThat(p).startsWith("весь файл").contains("Ответ 3"));
    }

    @Test
    void duplicateAnswerAndUnclosedFence() {
        String text = "## Ответ 1\nпервый\n## Ответ 1\nвторой\n## Прогон 1\n```\nRunning 1s test @ x\n";
        LabReport r = ReportParser.parseText(text, null);
        assertThat(r.answer(1)).isEqualTo("первый");
        assertThat(r.problems()).extracting(ReportProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("строка 3").contains("второй раз"))
                .anySatisfy(p -> assertThat(p).startsWith("строка 6").contains("не закрыт"));
        assertThat(r.wrkOutput1Replica()).isEqualTo("Running 1s test @ x");
    }
}
