package ru.mpgu.lab.facts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.mpgu.lab.integrity.IntegrityManifest;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.rubric.CheckOutcome;

/**
 * What the live checks found on one stack (it boots, /orders, load without errors, the request counter,
 * the dashboard's queries, balance over three replicas, Prometheus' targets), with the grader's own figures:
 * a property of the stack files, not of the student. Measured once per distinct {@link StackHash} and
 * replayed for every submission with the same stack files.
 *
 * @param stackHash   {@link StackHash} of the stack that was measured
 * @param rubricHash  sha256 of the rubric whose thresholds judged it (other thresholds: measure again)
 * @param measuredAt  when (ISO-8601 instant, UTC)
 * @param measuredOn  the folder the stack was measured in (for people)
 * @param outcomes    check id → outcome of each live check
 * @param measurements the grader's own figures (rps_1_replica, …)
 * @param attachments files for the report (service logs of a stack that did not boot)
 * @param phaseMillis where the measurement's wall time went, in the order it was spent: boot, each live check's own
 *                    time, the grader's load runs, scaling, teardown (milliseconds; empty in files from before)
 */
public record StackFacts(int version, String stackHash, String rubricHash, String measuredAt, String measuredOn,
                         Map<String, CheckOutcome> outcomes, Map<String, Double> measurements,
                         Map<String, String> attachments, Map<String, Long> phaseMillis) {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public StackFacts {
        outcomes = outcomes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        measurements = measurements == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
        attachments = attachments == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        phaseMillis = phaseMillis == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    }

    public static StackFacts measured(Path repo, Path rubric, Instant at, Map<String, CheckOutcome> outcomes,
                                      Map<String, Double> measurements, Map<String, String> attachments) throws IOException {
        return measured(repo, rubric, at, outcomes, measurements, attachments, Map.of());
    }

    public static StackFacts measured(Path repo, Path rubric, Instant at, Map<String, CheckOutcome> outcomes,
                                      Map<String, Double> measurements, Map<String, String> attachments,
                                      Map<String, Duration> phases) throws IOException {
        Map<String, Long> millis = new LinkedHashMap<>();
        phases.forEach((name, d) -> millis.put(name, d.toMillis()));
        return new StackFacts(VERSION, StackHash.of(repo), rubricHash(rubric), at.toString(),
                repo.toAbsolutePath().normalize().getFileName().toString(), outcomes, measurements, attachments, millis);
    }

    /** «запуск стенда 43,5 с; проверка launch.orders_json 0,4 с; …; всего 1 мин 52 с», or empty when not recorded. */
    public String describePhases() {
        if (phaseMillis.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : phaseMillis.entrySet()) {
            sb.append(e.getKey()).append(' ').append(ru.mpgu.lab.output.Texts.duration(Duration.ofMillis(e.getValue()))).append("; ");
            total += e.getValue();
        }
        return sb.append("всего ").append(ru.mpgu.lab.output.Texts.duration(Duration.ofMillis(total))).toString();
    }

    /** The facts in {@code file} when they were measured on {@code repo}'s stack files with this rubric; else empty. */
    public static Optional<StackFacts> readFor(Path file, Path repo, Path rubric) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            StackFacts facts = read(file);
            return facts.version() == VERSION && facts.stackHash().equals(StackHash.of(repo))
                    && facts.rubricHash().equals(rubricHash(rubric)) ? Optional.of(facts) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static StackFacts read(Path file) throws IOException {
        return JSON.readValue(Files.readString(file), StackFacts.class);
    }

    public Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return ReportWriter.writeAtomically(file, JSON.writeValueAsString(this));
    }

    /** The recorded outcome of a live check, saying which measurement it comes from. */
    public Optional<CheckOutcome> outcome(String checkId) {
        CheckOutcome o = outcomes.get(checkId);
        if (o == null) {
            return Optional.empty();
        }
        List<String> details = new ArrayList<>(o.details());
        details.add(source());
        return Optional.of(new CheckOutcome(o.checkId(), o.status(), o.fraction(), o.message(), details, o.kind()));
    }

    /** «замер стенда 1a2b3c4d5e6f от 01.12.2026 21:30 UTC (на работе ivanov)». */
    public String source() {
        return "замер стенда " + StackHash.shortForm(stackHash) + " от " + WHEN.format(Instant.parse(measuredAt))
                + " (на работе " + measuredOn + ")";
    }

    public String describe() {
        return "проверки стенда взяты из " + source() + ": файлы стенда те же, стенд не запускался повторно";
    }

    static String rubricHash(Path rubric) throws IOException {
        return rubric != null && Files.isRegularFile(rubric) ? IntegrityManifest.sha256(rubric) : "";
    }
}
