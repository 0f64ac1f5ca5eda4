package ru.mpgu.lab.measure.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Parameters of one run, with wrk's meaning: {@code connections} keep-alive connections with one
 * request in flight each, spread over {@code threads} threads, for {@code duration};
 * {@code timeout} bounds a connect; a request slower than it counts as a timeout when its answer comes, as in wrk
 * (or at the end of the run if it never comes).
 *
 * @param headers  extra request lines "Name: value" (wrk -H); a "Host" header replaces the default
 * @param listener sees every response, or null
 */
public record LoadConfig(URI target, int connections, int threads, Duration duration, Duration timeout,
                         List<String> headers, ResponseListener listener) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public LoadConfig {
        if (target == null || !"http".equals(target.getScheme() == null ? null : target.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Поддерживается только http://-адрес, получено: " + target);
        }
        if (target.getHost() == null) {
            throw new IllegalArgumentException("В адресе нет имени хоста: " + target);
        }
        if (threads < 1 || connections < threads) {
            throw new IllegalArgumentException("Нужно threads >= 1 и connections >= threads, получено threads="
                    + threads + ", connections=" + connections);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Длительность должна быть больше нуля");
        }
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("Таймаут должен быть не меньше 1 мс");
        }
        headers = headers == null ? List.of() : List.copyOf(headers);
        for (String h : headers) {
            if (h.indexOf(':') <= 0 || h.contains("\r") || h.contains("\n")) {
                throw new IllegalArgumentException("Заголовок должен иметь вид «Имя: значение», получено: " + h);
            }
        }
    }

    /** wrk's defaults for the rest: 2 s timeout, no extra headers, no listener. */
    public static LoadConfig of(String url, int connections, int threads, Duration duration) {
        return new LoadConfig(URI.create(url), connections, threads, duration, DEFAULT_TIMEOUT, List.of(), null);
    }

    public LoadConfig withTimeout(Duration newTimeout) {
        return new LoadConfig(target, connections, threads, duration, newTimeout, headers, listener);
    }

    public LoadConfig withHeaders(List<String> newHeaders) {
        return new LoadConfig(target, connections, threads, duration, timeout, newHeaders, listener);
    }

    public LoadConfig withListener(ResponseListener newListener) {
        return new LoadConfig(target, connections, threads, duration, timeout, headers, newListener);
    }

    public int port() {
        return target.getPort() == -1 ? 80 : target.getPort();
    }
}
