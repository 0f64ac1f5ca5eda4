package ru.mpgu.lab.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Forgiving cases the commonmark tree reads that line rules did not, and malformed ones with their lines. */
class ReportParserTreeTest {

    private static final String WRK = ReportParserTest.WRK_1;

    private static String indent(String prefix, String text) {
        return prefix + text.replace("\n", "\n" + prefix);
    }

    private static LabReport parse(String text) {
        return ReportParser.parseText(text, null);
    }

    @Test
    void wrkFencedInsideAQuoteIsCode() {
        LabReport r = parse("## Прогон 1: один контейнер web\n> ```text\n" + indent("> ", WRK) + "\n> ```\n"
                + "Средняя задержка (Latency Avg): 120.53ms\nОшибки: 0\nRequests/sec: 248.53\n");
        assertThat(r.wrkOutput1Replica()).isEqualTo(WRK);
        assertThat(r.oneReplica().wrkOutputLine()).isEqualTo(3);
        assertThat(r.oneReplica().numbers().requestsPerSec()).isEqualTo(248.53);
        assertThat(r.problems()).extracting(ReportProblem::message).noneMatch(m -> m.startsWith("Прогон 1"));
    }

    @Test
    void wrkFencedInAListItemIsCodeAndTheNextItemIsRead() {
        LabReport r = parse("## Прогон 2: три контейнера web\n- вывод:\n\n    ```\n" + indent("    ", WRK) + "\n    ```\n"
                + "- Requests/sec: 248.53\n- Ошибки: 0\n- Средняя задержка: 120.53ms\n");
        assertThat(r.wrkOutput3Replicas()).isEqualTo(WRK);
        assertThat(r.threeReplicas().numbers().requestsPerSec()).isEqualTo(248.53);
        assertThat(r.threeReplicas().numbers().errors()).isZero();
        assertThat(r.problems()).extracting(ReportProblem::message).noneMatch(m -> m.startsWith("Прогон 2"));
    }

    @Test
    void wrkPastedAsAQuotedParagraphIsFoundWithANotice() {
        LabReport r = parse("## Прогон 1\nвот вывод:\n\n" + indent("> ", WRK) + "\n\nRequests/sec: 248.53\n");
        assertThat(r.wrkOutput1Replica()).isEqualTo(WRK);
        assertThat(r.problems()).extracting(ReportProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("строка 4").contains("без рамки"));
    }

    @Test
    void headingTitleIsReadWithoutItsMarkup() {
        LabReport r = parse("## Ответ `3`\nграфик упёрся в предел\n## Прогон **2**\n```\n" + WRK + "\n```\n");
        assertThat(r.answer(3)).isEqualTo("график упёрся в предел");
        assertThat(r.wrkOutput3Replicas()).isEqualTo(WRK);
        assertThat(r.threeReplicas().headingLine()).isEqualTo(3);
    }

    @Test
    void fenceWithALanguageClosedByTildesStillCloses() {
        LabReport r = parse("## Прогон 1\n```bash\n" + WRK + "\n~~~\nRequests/sec: 248.53\n");
        assertThat(r.wrkOutput1Replica()).isEqualTo(WRK);
        assertThat(r.oneReplica().numbers().rpsLine()).isEqualTo(12);
        assertThat(r.oneReplica().numbers().requestsPerSec()).isEqualTo(248.53);
    }

    @Test
    void unclosedFenceInsideAQuoteIsReportedAtItsLine() {
        LabReport r = parse("ФИО: Иванов\n\n## Прогон 1\n> ```\n> Running 1s test @ x\n\nRequests/sec: 1\n");
        assertThat(r.wrkOutput1Replica()).isEqualTo("Running 1s test @ x");
        assertThat(r.problems()).extracting(ReportProblem::toString)
                .anySatisfy(p -> assertThat(p).isEqualTo("строка 4: Блок кода, открытый строкой ```, не закрыт. Добавьте строку ``` после вывода wrk."));
    }

    @Test
    void unreadableNumbersAreReportedAtTheirLinesWithCrlf() {
        LabReport r = ReportParser.parse(("## Прогон 2: три контейнера web\r\n```\r\n" + WRK.replace("\n", "\r\n") + "\r\n```\r\n"
                + "Средняя задержка: 12\r\nОшибки: есть\r\nRequests/sec: две тысячи\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(r.problems()).extracting(ReportProblem::toString)
                .contains("строка 12: Прогон 2 (три реплики web): у задержки не указаны единицы измерения; число принято за миллисекунды. Пишите как в wrk: ms, s или us.",
                        "строка 13: Прогон 2 (три реплики web): «есть» - укажите число ошибок цифрами (0, если ошибок нет).",
                        "строка 14: Прогон 2 (три реплики web): «две тысячи» - не число. Впишите Requests/sec числом, например 245.31.");
        assertThat(r.threeReplicas().numbers().latencyMillis()).isEqualTo(12.0);
    }

    @Test
    void deeplyNestedQuotesDoNotBreakTheParser() {
        LabReport r = parse("## Ответ 1\n" + ">".repeat(200_000) + " очередь\n\n## Ответ 2\nвторой\n");
        assertThat(r.answer(2)).isEqualTo("второй");
        assertThat(r.answer(1)).endsWith("очередь");
    }
}
