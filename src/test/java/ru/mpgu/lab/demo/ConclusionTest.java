package ru.mpgu.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.mpgu.lab.measure.SocketErrors;

class ConclusionTest {

    /** levels 1,5,10,30,60; rps and avg latency per level. */
    static Sweep sweep(int replicas, double[] rps, double[] avgMs, Map<String, Long> upstreams) {
        int[] levels = {1, 5, 10, 30, 60};
        List<LevelResult> results = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            results.add(new LevelResult(levels[i], rps[i], avgMs[i], avgMs[i] * 2, avgMs[i] * 2.2,
                    (long) (rps[i] * 6), SocketErrors.NONE, 0, i == 0 ? upstreams : Map.of()));
        }
        return new Sweep(replicas, results);
    }

    static final Sweep ONE = sweep(1, new double[] {100, 400, 420, 430, 425},
            new double[] {10, 12.5, 23.8, 69.8, 141.2}, Map.of("10.0.0.2:8000", 600L));

    @Test
    void sublinearGrowthIsExplainedByTheSingleDatabaseAndSharedCores() {
        Sweep three = sweep(3, new double[] {102, 450, 650, 690, 700}, new double[] {9.8, 11.1, 15.4, 43.5, 85.7},
                Map.of("a", 1L, "b", 1L, "c", 1L));

        String text = Conclusion.of(ONE, three, 2);

        assertThat(text).startsWith("При 60 соединениях 3 реплики дали в 1,6 раза больше запросов/с (425 → 700), "
                + "а не в 3: все реплики ходят в одну базу данных")
                .contains("2 ядра процессора этой машины реплики делят")
                .contains("Средняя задержка там же: 141,2 → 85,7 мс, p99: 282,4 → 171,4 мс.")
                .contains("Одна реплика упёрлась в потолок ≈430 запросов/с уже при 5 соединениях: дальше росла только "
                        + "задержка (средняя 12,5 → 141,2 мс)")
                .contains("При 1 соединении разницы почти нет (100 → 102 запросов/с)")
                .doesNotContain("Внимание").doesNotContain("ошибки");
    }

    @Test
    void nearlyLinearGrowthSaysSo() {
        Sweep three = sweep(3, new double[] {100, 290, 700, 1200, 1250}, new double[] {10, 5, 5, 25, 48},
                Map.of());

        assertThat(Conclusion.of(ONE, three, 8)).startsWith("При 60 соединениях 3 реплики дали в 2,9 раза больше "
                + "запросов/с (425 → 1250) — почти в 3, как и ожидалось").contains("(8 ядер процессора, nginx, база)");
    }

    @Test
    void noGainAndMissingReplicasAndErrorsAreReported() {
        Sweep three = sweep(3, new double[] {100, 400, 420, 430, 440}, new double[] {10, 12, 24, 70, 136},
                Map.of("a", 10L, "b", 10L));
        List<LevelResult> withErrors = new ArrayList<>(three.levels());
        LevelResult last = withErrors.remove(4);
        withErrors.add(new LevelResult(last.connections(), last.requestsPerSec(), last.avgLatencyMs(), last.p99LatencyMs(),
                last.p99CorrectedMs(), last.requests(), new SocketErrors(0, 0, 0, 7), 5, Map.of()));
        three = new Sweep(3, withErrors);

        String text = Conclusion.of(ONE, three, 2);

        assertThat(text).startsWith("При 60 соединениях 3 реплики почти не прибавили запросов/с (425 → 440)")
                .contains("ответы пришли только от 2 из 3 реплик")
                .contains("Были ошибки (12:");
    }

    @Test
    void aLevelWhereMostRequestsTimedOutIsNotTheOneCompared() {
        // bin/lab demo on this machine, 02.12.2026: at 60 connections one replica's queue outgrew wrk's 2 s
        Sweep one = withErrorsAt60(sweep(1, new double[] {19, 19.8, 19.5, 19.2, 19.1}, new double[] {52, 247, 484, 1374, 1900},
                Map.of()), 100, 115);
        Sweep three = withErrorsAt60(sweep(3, new double[] {40.3, 44.1, 43.4, 43.6, 42}, new double[] {25, 113, 224, 647, 1384},
                Map.of("a", 1L, "b", 1L, "c", 1L)), 7, 218);

        String text = Conclusion.of(one, three, 2);

        assertThat(text).startsWith("При 30 соединениях 3 реплики дали в 2,3 раза больше запросов/с (19 → 44), а не в 3: "
                        + "все реплики ходят в одну базу данных")
                .contains("На уровнях выше 30 соединений больше 1 % запросов закончились ошибкой (при 60 соединениях "
                        + "у 1 реплики — 100 из 115, у 3 — 7 из 218; это сокеты, таймауты и ответы 4xx/5xx): клиенты не "
                        + "дождались ответа")
                .doesNotContain("Были ошибки");
    }

    /** The sweep with its 60-connection level given wrk timeouts and a request count. */
    private static Sweep withErrorsAt60(Sweep s, long timeouts, long requests) {
        List<LevelResult> levels = new ArrayList<>(s.levels());
        LevelResult l = levels.remove(4);
        levels.add(new LevelResult(l.connections(), l.requestsPerSec(), l.avgLatencyMs(), l.p99LatencyMs(), l.p99CorrectedMs(),
                requests, new SocketErrors(0, 0, 0, timeouts), 0, l.upstreams()));
        return new Sweep(s.replicas(), levels);
    }

    @Test
    void aFasterSingleReplicaIsStatedPlainly() {
        Sweep three = sweep(3, new double[] {90, 300, 320, 330, 300}, new double[] {11, 16, 31, 90, 200}, Map.of());

        assertThat(Conclusion.of(ONE, three, 1)).startsWith("При 60 соединениях 3 реплики дали даже меньше запросов/с, "
                + "чем одна (425 → 300): на 1 ядро процессора");
    }

    @Test
    void russianPluralsAndNumbers() {
        assertThat(List.of(1, 2, 5, 11, 21, 22, 112).stream().map(RuText::replicas).toList())
                .containsExactly("1 реплика", "2 реплики", "5 реплик", "11 реплик", "21 реплика", "22 реплики", "112 реплик");
        assertThat(RuText.atConnections(1)).isEqualTo("при 1 соединении");
        assertThat(RuText.atConnections(11)).isEqualTo("при 11 соединениях");
        assertThat(RuText.atConnections(21)).isEqualTo("при 21 соединении");
        assertThat(RuText.num(1234.56, 1)).isEqualTo("1234,6");
        assertThat(RuText.ms(3.14159)).isEqualTo("3,14");
        assertThat(RuText.ms(31.4159)).isEqualTo("31,4");
    }
}
