package ru.mpgu.lab.rubric.params;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of each check's {@code params} in rubric.yaml, as records (snake_case keys). rubric.yaml is
 * bound to these when it loads, so an unknown or mistyped parameter is an error with its line number rather
 * than a silent default. A field left out of the file is null: the check uses its own default.
 */
public final class CheckParams {

    public record StackBoots(Integer bootTimeoutSeconds, List<String> requiredServices) {
    }

    public record OrdersJson(String urlPath, Integer expectedStatus, String contentType, Integer requestTimeoutSeconds) {
    }

    /**
     * Evidence that must come from the student's own stand: with {@code require_variant: true} it earns nothing when
     * the student has no variant (no .env variant and, in the teacher's batch, no class-list entry).
     */
    public interface VariantEvidence {
        Boolean requireVariant();

        default boolean variantRequired() {
            return Boolean.TRUE.equals(requireVariant());
        }
    }

    public record Screenshot(Integer minBytes, Integer maxBytes, Boolean requireVariant) implements VariantEvidence {
    }

    /** A wrk run pasted in the report: how it must have been started. */
    public record WrkRun(Integer connections, Integer threads, Integer durationSeconds, String urlPath,
                         Double rpsRelativeTolerance, Boolean requireVariant) implements VariantEvidence {
    }

    public record WrkConsistency(Double rpsRelativeTolerance, Double littlesLawRelativeTolerance,
                                 Double filledRelativeTolerance) {
    }

    /** The second wrk run: both of the above. */
    public record SecondRun(Integer connections, Integer threads, Integer durationSeconds, String urlPath,
                            Double rpsRelativeTolerance, Double littlesLawRelativeTolerance, Double filledRelativeTolerance,
                            Boolean requireVariant) implements VariantEvidence {
    }

    /** The grader's own load run. */
    public record Load(Integer connections, Integer threads, Integer durationSeconds, String urlPath, Double maxErrorShare) {
    }

    public record Counter(String metric, String job, Double minIncrease, Integer loadSeconds) {
    }

    public record Dashboard(Integer minPanels) {
    }

    public record Balance(Integer replicas, Integer requests, Double minSharePerReplica) {
    }

    public record Targets(String job, Integer expectedUp, Integer waitSeconds) {
    }

    /** A check with no parameters: any key is unknown. */
    public record None() {
    }

    private static final Map<String, Class<? extends Record>> BY_CHECK = Map.ofEntries(
            Map.entry("launch.stack_boots", StackBoots.class),
            Map.entry("launch.orders_json", OrdersJson.class),
            Map.entry("launch.screenshot_orders", Screenshot.class),
            Map.entry("load.wrk_output_valid", WrkRun.class),
            Map.entry("load.wrk_consistent", WrkConsistency.class),
            Map.entry("load.no_errors", Load.class),
            Map.entry("metrics.prometheus_counter", Counter.class),
            Map.entry("metrics.dashboard_queries", Dashboard.class),
            Map.entry("metrics.screenshot_grafana", Screenshot.class),
            Map.entry("scaling.balanced", Balance.class),
            Map.entry("scaling.prometheus_targets", Targets.class),
            Map.entry("scaling.wrk_second_run", SecondRun.class));

    private CheckParams() {
    }

    /** True when the check's params say {@code require_variant: true}. */
    public static boolean variantRequired(ru.mpgu.lab.rubric.Check check) {
        Optional<Class<? extends Record>> type = typeOf(check.id());
        return type.isPresent() && check.params(type.get()) instanceof VariantEvidence v && v.variantRequired();
    }

    /** The record a check's params bind to; empty for checks the grader does not know (they keep a plain map). */
    public static Optional<Class<? extends Record>> typeOf(String checkId) {
        return Optional.ofNullable(BY_CHECK.get(checkId));
    }
}
