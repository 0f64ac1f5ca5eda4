package ru.mpgu.lab.scoring;

import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Criterion;
import ru.mpgu.lab.rubric.Rubric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns check outcomes into points by the rubric.
 * <ul>
 *   <li>A check earns {@code points × fraction}, rounded half-up to the rubric's {@code rounding_step} (0.1 by default),
 *       so the printed check points always add up to the criterion and the total.</li>
 *   <li>NEEDS_REVIEW keeps its provisional fraction; INFRA_ERROR and NOT_RUN earn 0.</li>
 *   <li>A check without an outcome is NOT_RUN.</li>
 *   <li>Overrides (key = check id or criterion id) replace the automatic points, clamped to 0..max.</li>
 *   <li>If one check got several outcomes, the worst (lowest fraction) counts.</li>
 *   <li>Gates (what the untouched template does by itself) earn nothing; a check that {@code requires} a gate
 *       earns 0 until every one of its gates passed (not run / environment failure of a gate: NOT_RUN / INFRA_ERROR).</li>
 * </ul>
 */
public final class Scorer {

    private Scorer() {
    }

    public static ScoreSheet score(Rubric rubric, Collection<CheckOutcome> outcomes, Map<String, ScoreOverride> overrides) {
        Map<String, ScoreOverride> ov = overrides == null ? Map.of() : overrides;
        List<String> warnings = new ArrayList<>();
        Map<String, CheckOutcome> byId = new LinkedHashMap<>();
        for (CheckOutcome o : outcomes) {
            if (rubric.check(o.checkId()).isEmpty()) {
                warnings.add("Результат для неизвестной проверки «" + o.checkId() + "» пропущен: её нет в rubric.yaml.");
                continue;
            }
            CheckOutcome old = byId.get(o.checkId());
            if (old != null) {
                warnings.add("Проверка «" + o.checkId() + "» дала несколько результатов; учтён худший.");
                if (worse(o, old)) {
                    byId.put(o.checkId(), o);
                }
            } else {
                byId.put(o.checkId(), o);
            }
        }
        Set<String> known = new HashSet<>();
        rubric.criteria().forEach(c -> known.add(c.id()));
        rubric.allChecks().forEach(c -> known.add(c.id()));
        ov.keySet().stream().filter(k -> !known.contains(k)).forEach(k ->
                warnings.add("Корректировка для неизвестного id «" + k + "» пропущена: такого критерия или проверки нет в rubric.yaml."));

        double step = rubric.roundingStep();
        List<CriterionScore> criteria = new ArrayList<>();
        boolean infra = false;
        boolean review = false;
        for (Criterion criterion : rubric.criteria()) {
            List<CheckLine> lines = new ArrayList<>();
            double sum = 0;
            for (Check check : criterion.checks()) {
                CheckOutcome o = byId.getOrDefault(check.id(),
                        CheckOutcome.notRun(check.id(), "Проверка не запускалась (скорее всего, её пропустили из-за более ранней ошибки)."));
                o = Gates.apply(rubric, check, o, byId);
                infra |= o.status() == CheckStatus.INFRA_ERROR;
                review |= o.status() == CheckStatus.NEEDS_REVIEW;
                double earned = switch (o.status()) {
                    case INFRA_ERROR, NOT_RUN -> 0;
                    default -> round(check.points() * o.fraction(), step);
                };
                ScoreOverride checkOverride = ov.get(check.id());
                if (checkOverride != null) {
                    earned = clamp(checkOverride.points(), check.points(), check.id(), warnings);
                }
                sum += earned;
                lines.add(new CheckLine(check.id(), check.title(), o.status(), earned, check.points(), o.message(), o.details(),
                        check.hint(), checkOverride, check.gate(), check.answer() != null && check.answer().formOnly(), o.kind()));
            }
            double earned = round(sum, step);
            ScoreOverride criterionOverride = ov.get(criterion.id());
            if (criterionOverride != null) {
                earned = clamp(criterionOverride.points(), criterion.points(), criterion.id(), warnings);
            }
            criteria.add(new CriterionScore(criterion.id(), criterion.title(), earned, criterion.points(), lines, criterionOverride));
        }
        double total = round(criteria.stream().mapToDouble(CriterionScore::earned).sum(), step);
        boolean passed = total + 1e-9 >= rubric.passMark();
        return new ScoreSheet(rubric.title(), criteria, total, rubric.total(), rubric.passMark(), rubric.gradeLabel(total),
                passed, infra, review, warnings);
    }

    private static boolean worse(CheckOutcome a, CheckOutcome b) {
        return a.fraction() < b.fraction() || (a.fraction() == b.fraction() && a.status().ordinal() > b.status().ordinal());
    }

    private static double clamp(double points, double max, String id, List<String> warnings) {
        if (points < 0 || points > max + 1e-9) {
            warnings.add("Корректировка для «" + id + "» (" + points + ") вне пределов 0.." + max + "; приведена к допустимой.");
        }
        return Math.max(0, Math.min(max, points));
    }

    /** Rounds half-up to a multiple of {@code step}, without binary-fraction noise (0.30000000000000004). */
    static double round(double value, double step) {
        BigDecimal s = BigDecimal.valueOf(step);
        BigDecimal units = BigDecimal.valueOf(value).divide(s, 0, RoundingMode.HALF_UP);
        return units.multiply(s).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().doubleValue();
    }
}
