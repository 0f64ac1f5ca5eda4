package ru.mpgu.lab.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.FailureKind;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.rubric.params.CheckParams;

/** require_variant: evidence without a variant earns nothing; the class list's variant stands in for a missing .env. */
class OwnStandTest {

    /** ivanov's real output (V37-V3NC). */
    private static final Optional<WrkResult> IVANOV = Optional.of(new WrkOutputParser().parse(WrkVariantCheckTest.IVANOV_REAL));
    private static final String IVANOV_CODE = "V37-V3NC";
    private static final CheckOutcome VALID = CheckOutcome.passed("load.wrk_output_valid", "вывод wrk с параметрами задания")
            .withDetails(List.of("Requests/sec 5.07"));

    @TempDir
    Path repo;

    @Test
    void theVariantComesFromEnvThenTheClassListElseThereIsNone() throws IOException {
        assertThat(OwnStand.resolve(repo, null).source()).isEqualTo(OwnStand.Source.NONE);
        assertThat(OwnStand.resolve(repo, IVANOV_CODE).source()).isEqualTo(OwnStand.Source.ROSTER);
        assertThat(OwnStand.resolve(repo, IVANOV_CODE).variant().orElseThrow().number()).isEqualTo(37);
        Files.writeString(repo.resolve(".env"), "LAB_STUDENT_ID=petrov\n");
        OwnStand.Stand env = OwnStand.resolve(repo, IVANOV_CODE);
        assertThat(env.source()).isEqualTo(OwnStand.Source.ENV); // .env first: the roster only fills a gap
        assertThat(env.variant()).contains(StudentVariant.forId("petrov"));
        Files.writeString(repo.resolve(".env"), "LAB_VARIANT=V99-XXXX\n");
        assertThat(OwnStand.resolve(repo, IVANOV_CODE).source()).isEqualTo(OwnStand.Source.BROKEN);
    }

    @Test
    void withoutAVariantARequiredWrkOutputEarnsNothingAndGoesToTheTeacher() {
        OwnStand.Stand none = OwnStand.resolve(repo, null);
        CheckOutcome o = OwnStand.wrkOutput(VALID, IVANOV, none, "Прогон 1 (одна реплика web)", true);
        assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(o.fraction()).isZero();
        assertThat(o.kind()).isEqualTo(FailureKind.NO_VARIANT);
        assertThat(o.message()).contains("«Прогон 1 (одна реплика web)»").contains("нельзя связать с вашим стендом")
                .contains("bin/lab variant --id").contains(".env");
        assertThat(o.details()).containsExactly("Requests/sec 5.07");
        // not required (an old rubric): nothing to compare, the points stay
        assertThat(OwnStand.wrkOutput(VALID, IVANOV, none, "Прогон 1 (одна реплика web)", false)).isEqualTo(VALID);
        // an output that already failed its own checks keeps its own message
        CheckOutcome failed = CheckOutcome.failed("load.wrk_output_valid", "нет вывода");
        assertThat(OwnStand.wrkOutput(failed, Optional.empty(), none, "Прогон 1", true)).isEqualTo(failed);
    }

    @Test
    void theClassListsVariantIsComparedWhenEnvHasNone() {
        CheckOutcome own = OwnStand.wrkOutput(VALID, IVANOV, OwnStand.resolve(repo, IVANOV_CODE), "Прогон 1", true);
        assertThat(own.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(own.fraction()).isEqualTo(1);
        assertThat(own.details()).anyMatch(d -> d.contains("совпадает с вариантом V37-V3NC") && d.contains("по списку группы"));
        String other = Variants.codeFor("petrov", 12);
        CheckOutcome foreign = OwnStand.wrkOutput(VALID, IVANOV, OwnStand.resolve(repo, other), "Прогон 1", true);
        assertThat(foreign.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(foreign.message()).contains("не на вашем стенде").contains("V12");
    }

    @Test
    void withoutAVariantARequiredScreenshotEarnsNothingAndOcrIsNotAsked() throws IOException {
        Files.createDirectories(repo.resolve("screenshots"));
        Files.write(repo.resolve("screenshots/orders.png"), new byte[3000]);
        CheckOutcome shot = CheckOutcome.passed("launch.screenshot_orders", "скриншот приложен");
        ScreenshotCode.Reader never = (image, expected) -> {
            throw new AssertionError("no variant: nothing to read");
        };
        CheckOutcome o = OwnStand.screenshot(shot, repo, "screenshots/orders.png", OwnStand.resolve(repo, null), true, never,
                "/orders", "был виден код");
        assertThat(o.status()).isEqualTo(CheckStatus.NEEDS_REVIEW);
        assertThat(o.fraction()).isZero();
        assertThat(o.kind()).isEqualTo(FailureKind.NO_VARIANT);
        assertThat(o.message()).contains("screenshots/orders.png").contains("bin/lab variant --id").contains("скриншот заново");
        assertThat(OwnStand.screenshot(shot, repo, "screenshots/orders.png", OwnStand.resolve(repo, null), false, never,
                "/orders", "был виден код")).isEqualTo(shot);
    }

    @Test
    void theTeachersRubricRequiresTheVariantOnTheStandEvidence() {
        var rubric = RubricLoader.load(Path.of("rubric.yaml"));
        for (String id : List.of("load.wrk_output_valid", "scaling.wrk_second_run", "launch.screenshot_orders",
                "metrics.screenshot_grafana")) {
            assertThat(CheckParams.variantRequired(rubric.check(id).orElseThrow())).as(id).isTrue();
        }
        assertThat(CheckParams.variantRequired(rubric.check("load.wrk_consistent").orElseThrow())).isFalse();
    }

    /**
     * The student's self-check uses the public rubric: it keeps the rule, so a student without a variant sees the same
     * 0 the teacher will give, with the instruction to set the variant, before handing in.
     */
    @Test
    void thePublicRubricKeepsTheRuleSoTheSelfCheckWarns() throws IOException {
        Path file = repo.resolve("rubric.yaml");
        Files.writeString(file, ru.mpgu.lab.template.PublicRubric.from(Path.of("rubric.yaml")));
        var rubric = RubricLoader.load(file);
        assertThat(CheckParams.variantRequired(rubric.check("load.wrk_output_valid").orElseThrow())).isTrue();
        assertThat(CheckParams.variantRequired(rubric.check("metrics.screenshot_grafana").orElseThrow())).isTrue();
    }
}
