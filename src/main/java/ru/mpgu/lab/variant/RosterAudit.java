package ru.mpgu.lab.variant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.mpgu.lab.measure.wrk.WrkOutputParser;
import ru.mpgu.lab.measure.wrk.WrkParseException;
import ru.mpgu.lab.measure.wrk.WrkResult;
import ru.mpgu.lab.report.LabReport;
import ru.mpgu.lab.report.RunSection;

/**
 * The teacher's side of variants in a batch: the variant comes from the roster, not from the student's .env
 * (which a student can copy along with a classmate's outputs). Adds flags and notes; scores are the child's.
 */
public final class RosterAudit {

    public static final String NOT_IN_ROSTER = "нет в списке группы";
    public static final String FOREIGN_VARIANT = "чужой вариант";
    public static final String SCREENSHOT_REVIEW = "скриншот на проверку";

    /** Flags for the gradebook row, notes for the teacher. */
    public record Result(List<String> flags, List<String> notes, Optional<Roster.Entry> entry) {
    }

    private RosterAudit() {
    }

    public static Result audit(Roster roster, String folder, Path repo, LabReport report) {
        List<String> flags = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<Roster.Entry> found = roster.forFolder(folder);
        if (found.isEmpty()) {
            flags.add(NOT_IN_ROSTER);
            notes.add("папка «" + folder + "» не найдена в списке группы ни по id, ни по началу e-mail: вариант не сверялся");
            return new Result(flags, notes, found);
        }
        StudentVariant expected = found.get().variant();
        notes.add("вариант по списку группы: " + expected.code());
        try {
            Optional<StudentVariant> env = StudentVariant.fromRepo(repo);
            if (env.isEmpty()) {
                flags.add(FOREIGN_VARIANT);
                notes.add("в .env работы вариант не задан (нужен " + expected.code() + ")");
            } else if (!env.get().code().equals(expected.code())) {
                flags.add(FOREIGN_VARIANT);
                notes.add("в .env работы вариант " + env.get().code() + ", а по списку группы " + expected.code());
            }
        } catch (IllegalArgumentException e) {
            flags.add(FOREIGN_VARIANT);
            notes.add("в .env работы: " + e.getMessage());
        }
        wrk(report.oneReplica(), "прогон 1", expected, flags, notes);
        wrk(report.threeReplicas(), "прогон 2", expected, flags, notes);
        screenshot(repo, report.ordersScreenshot().path(), "скриншот /orders", expected, flags, notes);
        screenshot(repo, report.grafanaScreenshot().path(), "скриншот Grafana", expected, flags, notes);
        return new Result(flags.stream().distinct().toList(), notes, found);
    }

    private static void screenshot(Path repo, String written, String name, StudentVariant expected, List<String> flags,
                                   List<String> notes) {
        Path shot = ru.mpgu.lab.report.ScreenshotInspector.resolve(repo, written);
        if (shot == null) {
            return;
        }
        ScreenshotCode.Reading r = ScreenshotCode.read(shot, expected);
        switch (r.kind()) {
            case OWN_CODE -> notes.add(name + ": " + r.detail());
            case OTHER_CODE -> {
                flags.add(FOREIGN_VARIANT);
                notes.add(name + " не со своего стенда: " + r.detail());
            }
            default -> {
                flags.add(SCREENSHOT_REVIEW);
                notes.add(name + ": " + r.detail() + " — посмотрите сами, виден ли код " + expected.code());
            }
        }
    }

    private static void wrk(RunSection section, String name, StudentVariant expected, List<String> flags, List<String> notes) {
        if (section == null || !section.hasWrkOutput()) {
            return;
        }
        WrkResult w;
        try {
            w = new WrkOutputParser().parse(section.wrkOutput());
        } catch (WrkParseException e) {
            return;
        }
        WrkVariantCheck.Verdict v = WrkVariantCheck.check(w, expected);
        if (v.kind() == WrkVariantCheck.Kind.MISMATCH || v.kind() == WrkVariantCheck.Kind.SUSPICIOUS) {
            flags.add(FOREIGN_VARIANT);
            notes.add(name + ": " + v.message());
        }
    }
}
