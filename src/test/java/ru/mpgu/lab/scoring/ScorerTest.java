package ru.mpgu.lab.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.template.PublicRubric;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScorerTest {

    static final Rubric RUBRIC = RubricLoader.load(Path.of("rubric.yaml"));

    static List<CheckOutcome> allPassed() {
        return RUBRIC.allChecks().map(c -> CheckOutcome.passed(c.id(), "ok")).toList();
    }

    static List<CheckOutcome> replace(List<CheckOutcome> list, CheckOutcome o) {
        List<CheckOutcome> out = new ArrayList<>(list.stream().filter(x -> !x.checkId().equals(o.checkId())).toList());
        out.add(o);
        return out;
    }

    @Test
    void everythingPassedGivesTenAndPass() {
        ScoreSheet s = Scorer.score(RUBRIC, allPassed(), Map.of());
        assertThat(s.total()).isEqualTo(10);
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.passed()).isTrue();
        assertThat(s.gradeLabel()).isEqualTo("зачтено");
        assertThat(s.infraFailure()).isFalse();
        assertThat(s.needsReview()).isFalse();
        assertThat(s.toFix()).isEmpty();
        assertThat(s.criteria()).allSatisfy(c -> assertThat(c.earned()).isEqualTo(2));
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void noOutcomesMeansNotRunAndZero() {
        ScoreSheet s = Scorer.score(RUBRIC, List.of(), null);
        assertThat(s.total()).isZero();
        assertThat(s.passed()).isFalse();
        assertThat(s.gradeLabel()).isEqualTo("не зачтено");
        assertThat(s.allChecks()).allSatisfy(l -> assertThat(l.status()).isEqualTo(CheckStatus.NOT_RUN));
        assertThat(s.allChecks().count()).isEqualTo(RUBRIC.allChecks().count());
    }

    @Test
    void partialPointsAreRoundedToTenthsAndAddUp() {
        List<CheckOutcome> o = replace(allPassed(), CheckOutcome.partial("explanation.answer5", 2.0 / 3.0, "частично"));
        o = replace(o, CheckOutcome.partial("load.answer2", 0.35, "частично"));
        ScoreSheet s = Scorer.score(RUBRIC, o, Map.of());
        CriterionScore expl = s.criteria().get(4);
        assertThat(expl.checks().get(0).earned()).isEqualTo(0.7); // 1 × 0.667
        assertThat(expl.earned()).isEqualTo(1.7);
        assertThat(s.criteria().get(1).checks().get(3).earned()).isEqualTo(0.4); // 1 × 0.35 → 0.4 (half up)
        assertThat(s.total()).isEqualTo(9.1);
        double sumOfChecks = s.allChecks().mapToDouble(CheckLine::earned).sum();
        assertThat(Scorer.round(sumOfChecks, 0.1)).isEqualTo(s.total());
        assertThat(s.toFix()).extracting(CheckLine::checkId).containsExactly("load.answer2", "explanation.answer5");
    }

    @Test
    void infraErrorIsFlaggedAndEarnsNothing() {
        List<CheckOutcome> o = replace(allPassed(), CheckOutcome.infra("launch.stack_boots", "Docker не запущен"));
        ScoreSheet s = Scorer.score(RUBRIC, o, Map.of());
        assertThat(s.infraFailure()).isTrue();
        // the gate earns nothing itself; the two checks that require it are not counted until it can be checked
        assertThat(s.total()).isEqualTo(9.0);
        assertThat(s.checksWith(CheckStatus.NOT_RUN)).extracting(CheckLine::checkId)
                .containsExactly("launch.screenshot_orders", "launch.wrk_baseline");
        assertThat(s.checksWith(CheckStatus.INFRA_ERROR)).singleElement()
                .satisfies(l -> assertThat(l.message()).isEqualTo("Docker не запущен"));
        assertThat(s.toFix()).isEmpty(); // not the student's to fix
    }

    @Test
    void reviewKeepsProvisionalPointsAndIsFlagged() {
        List<CheckOutcome> o = replace(allPassed(), CheckOutcome.review("metrics.answer3", 0.5, "спорно"));
        ScoreSheet s = Scorer.score(RUBRIC, o, Map.of());
        assertThat(s.needsReview()).isTrue();
        assertThat(s.total()).isEqualTo(9.5); // 1 × 0.5
    }

    @Test
    void overridesReplacePointsForChecksAndCriteria() {
        List<CheckOutcome> o = replace(allPassed(), CheckOutcome.review("explanation.answer5", 0.5, "спорно"));
        o = replace(o, CheckOutcome.failed("scaling.balanced", "нет"));
        ScoreSheet s = Scorer.score(RUBRIC, o, Map.of(
                "explanation.answer5", new ScoreOverride(1, "ответ верный, сформулирован иначе"),
                "scaling", new ScoreOverride(2, "показал на занятии"),
                "launch", new ScoreOverride(7, "ошибка ввода"),
                "no.such", new ScoreOverride(1, "?")));
        CheckLine a5 = s.criteria().get(4).checks().get(0);
        assertThat(a5.earned()).isEqualTo(1);
        assertThat(a5.override().comment()).contains("сформулирован иначе");
        assertThat(a5.needsFix()).isFalse();
        assertThat(s.criteria().get(3).earned()).isEqualTo(2);
        assertThat(s.criteria().get(3).override()).isNotNull();
        assertThat(s.criteria().get(0).earned()).isEqualTo(2); // clamped
        // the failed gate scaling.balanced also voids explanation.db_evidence (0.5), which no override restored
        assertThat(s.total()).isEqualTo(9.5);
        assertThat(s.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("no.such"))
                .anySatisfy(w -> assertThat(w).contains("launch").contains("вне пределов"));
    }

    @Test
    void unknownAndDuplicateOutcomesAreWarnedAndWorstCounts() {
        List<CheckOutcome> o = new ArrayList<>(allPassed());
        o.add(CheckOutcome.failed("load.no_errors", "ошибки"));
        o.add(CheckOutcome.passed("ghost.check", "?"));
        ScoreSheet s = Scorer.score(RUBRIC, o, Map.of());
        assertThat(s.total()).isEqualTo(9.0); // the failed gate voids the two wrk checks of run 1
        assertThat(s.warnings()).hasSize(2);
    }

    @Test
    void gradeScaleFromRubric() {
        Check any = RUBRIC.allChecks().findFirst().orElseThrow();
        assertThat(any).isNotNull();
        List<CheckOutcome> o = allPassed().stream()
                .map(c -> c.checkId().startsWith("launch") || c.checkId().startsWith("load") || c.checkId().startsWith("metrics")
                        ? c : CheckOutcome.failed(c.checkId(), "нет"))
                .toList();
        ScoreSheet s = Scorer.score(RUBRIC, o, Map.of());
        assertThat(s.total()).isEqualTo(6);
        assertThat(s.passed()).isTrue();
        assertThat(s.gradeLabel()).isEqualTo("зачтено");
    }

    @Test
    void gatesEarnNothingAndTheTemplateAloneScoresZero() {
        assertThat(RUBRIC.allChecks().filter(Check::gate)).extracting(Check::id).containsExactlyInAnyOrder(
                "launch.stack_boots", "launch.orders_json", "load.no_errors", "metrics.prometheus_counter",
                "metrics.dashboard_queries", "scaling.balanced", "scaling.prometheus_targets");
        // what the untouched template earns: every gate passes, the empty report fails everything else
        List<CheckOutcome> template = RUBRIC.allChecks()
                .map(c -> c.gate() ? CheckOutcome.passed(c.id(), "ok") : CheckOutcome.failed(c.id(), "пусто")).toList();
        ScoreSheet s = Scorer.score(RUBRIC, template, Map.of());
        assertThat(s.total()).isZero();
        assertThat(s.allChecks().filter(CheckLine::gate)).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(CheckStatus.PASSED);
            assertThat(l.max()).isZero();
        });
    }

    @Test
    void evidenceCountsOnlyWhenItsGatesPass() {
        List<CheckOutcome> o = replace(allPassed(), CheckOutcome.failed("scaling.balanced", "одна реплика"));
        ScoreSheet s = Scorer.score(RUBRIC, o, Map.of());
        CheckLine run2 = s.allChecks().filter(l -> l.checkId().equals("scaling.wrk_second_run")).findFirst().orElseThrow();
        assertThat(run2.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(run2.earned()).isZero();
        assertThat(run2.message()).contains("обязательное условие", "поровну");
        assertThat(s.toFix()).extracting(CheckLine::checkId)
                .containsExactly("scaling.balanced", "scaling.wrk_second_run", "explanation.db_evidence");
        assertThat(s.total()).isEqualTo(8.5);
    }

    @Test
    void formOnlyAnswerIsTheTeachersAndNotAFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.yaml");
        PublicRubric.write(Path.of("rubric.yaml"), file);
        Rubric publicRubric = RubricLoader.load(file);
        List<CheckOutcome> o = publicRubric.allChecks()
                .map(c -> c.answer() != null ? CheckOutcome.review(c.id(), 0, "заполнен; оценит преподаватель")
                        : CheckOutcome.passed(c.id(), "ok")).toList();
        ScoreSheet s = Scorer.score(publicRubric, o, Map.of());
        assertThat(s.toFix()).isEmpty();
        assertThat(s.allChecks().filter(CheckLine::teacherGrades)).hasSize(6)
                .allSatisfy(l -> assertThat(l.status().russian()).isEqualTo("проверит преподаватель"));
        assertThat(s.total()).isEqualTo(4.7);
    }

    @Test
    void roundingHelper() {
        assertThat(Scorer.round(0.1 + 0.2, 0.1)).isEqualTo(0.3);
        assertThat(Scorer.round(0.375, 0.25)).isEqualTo(0.5);
        assertThat(Scorer.round(0.12, 0.25)).isEqualTo(0.0);
    }
}
