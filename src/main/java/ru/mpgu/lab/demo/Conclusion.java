package ru.mpgu.lab.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one-paragraph Russian conclusion, computed from the two sweeps. */
public final class Conclusion {

    /** Below this share of the ideal N-fold growth the text says "not N times". */
    static final double NEAR_LINEAR = 0.85;
    /** One replica counts as saturated from the first level reaching this share of its best throughput. */
    static final double SATURATED = 0.9;

    private Conclusion() {
    }

    public static String of(Sweep base, Sweep scaled, int cpuCores) {
        Optional<LevelResult> highest = base.levels().stream()
                .filter(l -> l.requestsPerSec() > 0 && scaled.at(l.connections()).isPresent())
                .reduce((first, second) -> second);
        // A level where clients gave up (mostly timeouts: the queue was longer than wrk's 2 s) is not compared
        Optional<LevelResult> reference = base.levels().stream()
                .filter(l -> l.requestsPerSec() > 0 && clean(l) && scaled.at(l.connections()).filter(Conclusion::clean).isPresent())
                .reduce((first, second) -> second).or(() -> highest);
        if (reference.isEmpty()) {
            return "Сравнить замеры нельзя: ни на одном общем уровне одна реплика не ответила ни на один запрос.";
        }
        LevelResult a = reference.get();
        LevelResult b = scaled.at(a.connections()).orElseThrow();
        int n = scaled.replicas();
        double ratio = b.requestsPerSec() / a.requestsPerSec();
        List<String> sentences = new ArrayList<>();

        String at = capitalize(RuText.atConnections(a.connections())) + " " + RuText.replicas(n);
        String figures = " (" + RuText.num(a.requestsPerSec(), 0) + " → " + RuText.num(b.requestsPerSec(), 0) + ")";
        String cores = cpuCores + " " + RuText.plural(cpuCores, "ядро", "ядра", "ядер");
        if (ratio < 0.9) {
            sentences.add(at + " дали даже меньше запросов/с, чем одна" + figures + ": на " + cores
                    + " процессора лишние процессы Django только отнимают время друг у друга, у nginx, базы "
                    + "и генератора нагрузки.");
        } else if (ratio < 1.1) {
            sentences.add(at + " почти не прибавили запросов/с" + figures + ": узкое место не в числе процессов "
                    + "web, а в общих " + cores + " процессора, которые делят реплики, nginx, база и сам генератор "
                    + "нагрузки.");
        } else if (ratio < NEAR_LINEAR * n) {
            sentences.add(at + " дали в " + RuText.num(ratio, 1) + " раза больше запросов/с" + figures
                    + ", а не в " + n + ": все реплики ходят в одну базу данных, и теперь упирается она "
                    + "(её лимит CPU в docker-compose.yml), а " + cores + " процессора этой машины реплики делят "
                    + "с nginx, базой и самим генератором нагрузки.");
        } else {
            sentences.add(at + " дали в " + RuText.num(ratio, 1) + " раза больше запросов/с" + figures
                    + (ratio <= n ? " — почти в " : " — не меньше, чем в ") + n + ", как и ожидалось: узким местом "
                    + "была одна реплика, а остальное (" + cores + " процессора, nginx, база) ещё справлялось.");
        }
        sentences.add("Средняя задержка там же: " + RuText.ms(a.avgLatencyMs()) + " → " + RuText.ms(b.avgLatencyMs())
                + " мс, p99: " + RuText.ms(a.p99LatencyMs()) + " → " + RuText.ms(b.p99LatencyMs()) + " мс.");
        LevelResult top = highest.orElseThrow();
        boolean skipped = top.connections() > a.connections();
        if (skipped) {
            LevelResult topScaled = scaled.at(top.connections()).orElseThrow();
            sentences.add("На уровнях выше " + a.connections() + " "
                    + RuText.plural(a.connections(), "соединения", "соединений", "соединений") + " больше "
                    + RuText.num(100 * CLEAN_ERROR_SHARE, 0) + " % запросов закончились ошибкой (при "
                    + RuText.atConnections(top.connections()).substring(4) + " у 1 реплики — " + top.errors() + " из "
                    + top.requests() + ", у " + n + " — " + topScaled.errors() + " из " + topScaled.requests()
                    + "; это сокеты, таймауты и ответы 4xx/5xx): клиенты не дождались ответа, такие уровни не сравниваются.");
        }
        saturation(base, a).ifPresent(sentences::add);
        LevelResult lowest = base.levels().get(0);
        Optional<LevelResult> lowestScaled = scaled.at(lowest.connections());
        if (lowest.connections() < a.connections() && lowest.requestsPerSec() > 0 && lowestScaled.isPresent()
                && lowestScaled.get().requestsPerSec() / lowest.requestsPerSec() < 1.2) {
            sentences.add(capitalize(RuText.atConnections(lowest.connections())) + " разницы почти нет ("
                    + RuText.num(lowest.requestsPerSec(), 0) + " → " + RuText.num(lowestScaled.get().requestsPerSec(), 0)
                    + " запросов/с): пока одновременных запросов мало, лишние реплики простаивают.");
        }
        int seen = scaled.upstreams().size();
        if (seen > 0 && seen < n) {
            sentences.add("Внимание: после масштабирования ответы пришли только от " + seen + " из " + n
                    + " реплик (заголовок X-Upstream) — nginx распределил нагрузку не на все.");
        }
        long errors = base.errors() + scaled.errors();
        if (errors > 0 && !skipped) {
            sentences.add("Были ошибки (" + errors + ": сокеты, таймауты и ответы 4xx/5xx) — числа на этих уровнях "
                    + "надо читать осторожно.");
        }
        return String.join(" ", sentences);
    }

    /** A level's numbers are compared only when at most this share of its requests ended in an error. */
    static final double CLEAN_ERROR_SHARE = 0.01;

    private static boolean clean(LevelResult l) {
        return l.errors() <= CLEAN_ERROR_SHARE * Math.max(1, l.requests());
    }

    /** "Одна реплика упёрлась в потолок … уже при K соединениях …" when growth stopped before the reference. */
    private static Optional<String> saturation(Sweep base, LevelResult reference) {
        double best = base.levels().stream().mapToDouble(LevelResult::requestsPerSec).max().orElse(0);
        Optional<LevelResult> knee = base.levels().stream()
                .filter(l -> l.requestsPerSec() >= SATURATED * best).findFirst();
        if (best <= 0 || knee.isEmpty() || knee.get().connections() >= reference.connections()) {
            return Optional.empty();
        }
        LevelResult k = knee.get();
        return Optional.of("Одна реплика упёрлась в потолок ≈" + RuText.num(best, 0) + " запросов/с уже "
                + RuText.atConnections(k.connections()) + ": дальше росла только задержка (средняя "
                + RuText.ms(k.avgLatencyMs()) + " → " + RuText.ms(reference.avgLatencyMs())
                + " мс) — запросы стояли в очереди.");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
