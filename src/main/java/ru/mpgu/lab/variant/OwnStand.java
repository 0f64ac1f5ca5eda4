package ru.mpgu.lab.variant;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.FailureKind;

/** Grading glue: evidence that passed its own checks must also come from the student's variant. */
public final class OwnStand {

    /** Where the student's variant came from. */
    public enum Source {
        /** the repository's .env (what compose passes to the stand) */
        ENV,
        /** the teacher's class list, given by the batch when .env names none */
        ROSTER,
        /** neither: evidence cannot be tied to the student's stand */
        NONE,
        /** .env names a variant that does not parse or is not the student's */
        BROKEN
    }

    /** The variant the evidence is compared with; {@code problem} explains a {@link Source#BROKEN} one. */
    public record Stand(Source source, Optional<StudentVariant> variant, String problem) {
    }

    /** Shown when the rubric requires a variant and there is none: what it means and how to fix it. */
    static final String NO_VARIANT_WRK = "вариант стенда не задан (в файле .env нет LAB_VARIANT), поэтому числа этого вывода"
            + " нельзя связать с вашим стендом, и баллы за них не засчитаны. Как исправить: выполните в корне репозитория"
            + " «bin/lab variant --id ВАШ_ID» (id из списка группы), перезапустите стенд (docker compose up -d), повторите прогон"
            + " и вставьте в отчёт новый вывод; файл .env сдайте вместе с отчётом";
    static final String NO_VARIANT_SCREENSHOT = "вариант стенда не задан (в файле .env нет LAB_VARIANT), поэтому скриншот"
            + " нельзя связать с вашим стендом, и баллы за него не засчитаны. Как исправить: выполните в корне репозитория"
            + " «bin/lab variant --id ВАШ_ID» (id из списка группы), перезапустите стенд (docker compose up -d) и сделайте"
            + " скриншот заново: на нём должен быть виден код варианта; файл .env сдайте вместе с отчётом";

    private OwnStand() {
    }

    /**
     * The student's variant: the repository's .env, else the class list's code the batch passed ({@code rosterCode},
     * null outside a batch or for a student missing from the list).
     */
    public static Stand resolve(Path repo, String rosterCode) {
        try {
            Optional<StudentVariant> env = StudentVariant.fromRepo(repo);
            if (env.isPresent()) {
                return new Stand(Source.ENV, env, "");
            }
        } catch (IllegalArgumentException e) {
            return new Stand(Source.BROKEN, Optional.empty(), e.getMessage());
        }
        if (rosterCode != null && !rosterCode.isBlank()) {
            return new Stand(Source.ROSTER, Optional.of(StudentVariant.of("", rosterCode)), "");
        }
        return new Stand(Source.NONE, Optional.empty(), "");
    }

    /**
     * @param base     the outcome of the wrk output's own checks
     * @param stand    the student's variant ({@link #resolve})
     * @param required the rubric's require_variant: without a variant the output earns nothing and goes to the teacher
     */
    public static CheckOutcome wrkOutput(CheckOutcome base, Optional<WrkResult> wrk, Stand stand, String runName, boolean required) {
        if (base.fraction() == 0 || wrk.isEmpty()) {
            return base;
        }
        switch (stand.source()) {
            case BROKEN:
                return CheckOutcome.failed(base.checkId(), "вариант в файле .env: " + stand.problem()
                        + ". Запишите его заново: bin/lab variant --id ВАШ_ID");
            case NONE:
                // the template and old submissions have no variant: nothing to compare unless the rubric requires one
                return required ? CheckOutcome.review(base.checkId(), FailureKind.NO_VARIANT, "«" + runName + "»: " + NO_VARIANT_WRK + ".")
                        .withDetails(base.details()) : base;
            default:
                break;
        }
        StudentVariant variant = stand.variant().orElseThrow();
        WrkVariantCheck.Verdict verdict = WrkVariantCheck.check(wrk.get(), variant);
        switch (verdict.kind()) {
            case MISMATCH:
                return CheckOutcome.failed(base.checkId(), "«" + runName + "»: " + verdict.message()).withDetails(base.details());
            case SUSPICIOUS:
                return CheckOutcome.review(base.checkId(), base.fraction(), "«" + runName + "»: " + verdict.message())
                        .withDetails(base.details());
            case MATCHES:
                return base.withDetails(List.of("✓ " + verdict.message() + fromRoster(stand)));
            default:
                return base.withDetails(List.of("• вариант не сверялся: " + verdict.message()));
        }
    }

    /** As {@link #wrkOutput(CheckOutcome, Optional, Stand, String, boolean)} with the .env variant only, not required. */
    public static CheckOutcome wrkOutput(CheckOutcome base, Optional<WrkResult> wrk, Path repo, String runName) {
        return wrkOutput(base, wrk, resolve(repo, null), runName, false);
    }

    /**
     * A screenshot that passed the file checks must show the student's variant code. Read with OCR when tesseract is
     * installed (the teacher's machine); otherwise, or when no code is recognised, the teacher decides.
     *
     * @param page what the picture must show the code on, for the student's message
     * @param where how to take the picture so that the code is seen
     */
    public static CheckOutcome screenshot(CheckOutcome base, Path repo, String written, Stand stand, boolean required,
                                          ScreenshotCode.Reader reader, String page, String where) {
        if (base.fraction() == 0) {
            return base;
        }
        switch (stand.source()) {
            case BROKEN:
                return CheckOutcome.review(base.checkId(), 0, base.message() + " Вариант в .env записан неверно (" + stand.problem()
                        + "): код на скриншоте не с чем сверить, проверит преподаватель.");
            case NONE:
                return required ? CheckOutcome.review(base.checkId(), FailureKind.NO_VARIANT, "Скриншот «" + written + "»: "
                        + NO_VARIANT_SCREENSHOT + ".").withDetails(base.details()) : base;
            default:
                break;
        }
        Path file = ru.mpgu.lab.report.ScreenshotInspector.resolve(repo, written);
        if (file == null) {
            return base;
        }
        StudentVariant variant = stand.variant().orElseThrow();
        ScreenshotCode.Reading reading = reader.read(file, variant);
        return switch (reading.kind()) {
            case OWN_CODE -> base.withDetails(List.of("✓ " + reading.detail() + fromRoster(stand)));
            case OTHER_CODE -> CheckOutcome.failed(base.checkId(), "Скриншот «" + written + "» сделан не на вашем стенде: "
                    + reading.detail() + ". Сделайте скриншот " + page + " на своём стенде так, чтобы " + where + ".");
            case NO_CODE -> CheckOutcome.review(base.checkId(), 0, base.message() + " Код варианта " + variant.code()
                    + " на скриншоте не распознан: проверит преподаватель. Снимайте " + page + " так, чтобы " + where + ".");
            default -> CheckOutcome.review(base.checkId(), 1, base.message() + " Код варианта на скриншоте проверит преподаватель ("
                    + reading.detail() + ").");
        };
    }

    /** The /orders screenshot: the code is the page's "variant" field. */
    public static CheckOutcome ordersScreenshot(CheckOutcome base, Path repo, String written, Stand stand, boolean required) {
        return screenshot(base, repo, written, stand, required, ScreenshotCode::read, "/orders",
                "было видно поле \"variant\" с кодом варианта вверху страницы");
    }

    /** The dashboard's «Вариант стенда» panel (lab_variant_info) puts the code on the Grafana screenshot. */
    public static CheckOutcome grafanaScreenshot(CheckOutcome base, Path repo, String written, Stand stand, boolean required,
                                                 ScreenshotCode.Reader reader) {
        return screenshot(base, repo, written, stand, required, reader, "Grafana",
                "была видна панель «Вариант стенда» с кодом варианта (вверху dashboard)");
    }

    /** As above with OCR by tesseract. */
    public static CheckOutcome grafanaScreenshot(CheckOutcome base, Path repo, String written, Stand stand, boolean required) {
        return grafanaScreenshot(base, repo, written, stand, required, ScreenshotCode::read);
    }

    /** As above with the .env variant only, not required. */
    public static CheckOutcome ordersScreenshot(CheckOutcome base, Path repo, String written) {
        return ordersScreenshot(base, repo, written, resolve(repo, null), false);
    }

    private static String fromRoster(Stand stand) {
        return stand.source() == Source.ROSTER ? " (вариант по списку группы)" : "";
    }
}
