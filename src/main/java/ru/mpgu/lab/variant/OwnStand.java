package ru.mpgu.lab.variant;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.rubric.CheckOutcome;

/** Grading glue: a wrk output that passed its own checks must also come from the student's variant. */
public final class OwnStand {

    private OwnStand() {
    }

    /**
     * @param base the outcome of the wrk output's own checks
     * @param repo the student's repository (its .env names the variant)
     */
    public static CheckOutcome wrkOutput(CheckOutcome base, Optional<WrkResult> wrk, Path repo, String runName) {
        if (base.fraction() == 0 || wrk.isEmpty()) {
            return base;
        }
        StudentVariant variant;
        try {
            Optional<StudentVariant> v = StudentVariant.fromRepo(repo);
            if (v.isEmpty()) {
                return base; // a repository without a variant (the template, old submissions): nothing to compare
            }
            variant = v.get();
        } catch (IllegalArgumentException e) {
            return CheckOutcome.failed(base.checkId(), "вариант в файле .env: " + e.getMessage()
                    + ". Запишите его заново: bin/lab variant --id ВАШ_ID");
        }
        WrkVariantCheck.Verdict verdict = WrkVariantCheck.check(wrk.get(), variant);
        switch (verdict.kind()) {
            case MISMATCH:
                return CheckOutcome.failed(base.checkId(), "«" + runName + "»: " + verdict.message()).withDetails(base.details());
            case SUSPICIOUS:
                return CheckOutcome.review(base.checkId(), base.fraction(), "«" + runName + "»: " + verdict.message())
                        .withDetails(base.details());
            case MATCHES:
                return base.withDetails(List.of("✓ " + verdict.message()));
            default:
                return base.withDetails(List.of("• вариант не сверялся: " + verdict.message()));
        }
    }
    /**
     * A screenshot of /orders that passed the file checks must show the student's variant code. Read with OCR when
     * tesseract is installed (the teacher's machine); otherwise, or when no code is recognised, the teacher decides.
     */
    public static CheckOutcome ordersScreenshot(CheckOutcome base, Path repo, String written) {
        if (base.fraction() == 0) {
            return base;
        }
        Optional<StudentVariant> variant;
        try {
            variant = StudentVariant.fromRepo(repo);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.review(base.checkId(), 0, base.message() + " Вариант в .env записан неверно (" + e.getMessage()
                    + "): код на скриншоте не с чем сверить, проверит преподаватель.");
        }
        if (variant.isEmpty()) {
            return base;
        }
        Path file = ru.mpgu.lab.report.ScreenshotInspector.resolve(repo, written);
        if (file == null) {
            return base;
        }
        ScreenshotCode.Reading reading = ScreenshotCode.read(file, variant.get());
        return switch (reading.kind()) {
            case OWN_CODE -> base.withDetails(List.of("✓ " + reading.detail()));
            case OTHER_CODE -> CheckOutcome.failed(base.checkId(), "Скриншот «" + written + "» сделан не на вашем стенде: "
                    + reading.detail() + ". Сделайте скриншот своего /orders (код варианта вверху страницы).");
            case NO_CODE -> CheckOutcome.review(base.checkId(), 0, base.message() + " Код варианта " + variant.get().code()
                    + " на скриншоте не распознан: проверит преподаватель. Снимайте /orders так, чтобы было видно поле \"variant\".");
            default -> CheckOutcome.review(base.checkId(), 1, base.message() + " Код варианта на скриншоте проверит преподаватель ("
                    + reading.detail() + ").");
        };
    }
}
