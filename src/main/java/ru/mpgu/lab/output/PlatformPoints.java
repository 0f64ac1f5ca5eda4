package ru.mpgu.lab.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.scoring.CheckLine;
import ru.mpgu.lab.scoring.CriterionScore;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * A score sheet as whole tenths of a point, for platforms that add integers (Classroom 50 requires them;
 * the GitHub reporter adds floats and prints the noise). One row per check; a criterion the teacher
 * overrode becomes one row of its own (its checks show with no points), so no row is ever negative.
 * Rows are rounded by largest remainder, so their sum is the sheet's total rounded to a tenth.
 */
public final class PlatformPoints {

    /** Platform points per rubric point. */
    public static final int SCALE = 10;

    /**
     * @param line    the check, or null for a criterion's override row
     * @param counted false for a check whose points are replaced by its criterion's override
     */
    public record Row(CriterionScore criterion, CheckLine line, int earned, int max, boolean counted) {
        public boolean isOverride() {
            return line == null;
        }

        public String name() {
            return criterion.title() + ": " + (line == null ? "оценка преподавателя за критерий" : line.title());
        }
    }

    private PlatformPoints() {
    }

    /** Every check (and override row) of the sheet. */
    public static List<Row> rows(ScoreSheet sheet) {
        return rows(sheet, l -> true);
    }

    /**
     * The rows whose checks satisfy {@code counted}; a criterion with an override is always whole.
     * The student's workflow leaves out what the teacher grades (see {@link #objective}).
     */
    public static List<Row> rows(ScoreSheet sheet, Predicate<CheckLine> counted) {
        List<double[]> exact = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (CriterionScore c : sheet.criteria()) {
            if (c.override() != null) {
                for (CheckLine l : c.checks()) {
                    rows.add(new Row(c, l, 0, 0, false));
                    exact.add(new double[] {0, 0});
                }
                rows.add(new Row(c, null, 0, units(c.max()), true));
                exact.add(new double[] {c.earned() * SCALE, c.max() * SCALE});
                continue;
            }
            for (CheckLine l : c.checks()) {
                if (!counted.test(l)) {
                    continue;
                }
                rows.add(new Row(c, l, 0, units(l.max()), true));
                exact.add(new double[] {l.earned() * SCALE, l.max() * SCALE});
            }
        }
        double total = exact.stream().mapToDouble(e -> e[0]).sum();
        int target = (int) Math.round(total);
        int[] earned = new int[rows.size()];
        int assigned = 0;
        for (int i = 0; i < rows.size(); i++) {
            earned[i] = Math.min(rows.get(i).max(), (int) Math.floor(exact.get(i)[0] + 1e-9));
            assigned += earned[i];
        }
        // hand the remaining tenths to the largest fractional parts, never above a row's maximum
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -(exact.get(i)[0] - earned[i])));
        for (int k = 0; assigned < target && k < order.size(); k++) {
            int i = order.get(k);
            if (earned[i] < rows.get(i).max() && exact.get(i)[0] - earned[i] > 1e-9) {
                earned[i]++;
                assigned++;
            }
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Row(r.criterion(), r.line(), Math.max(0, earned[i]), r.max(), r.counted()));
        }
        return out;
    }

    /** What the student's own run can score: everything but the answers a teacher will grade. */
    public static boolean objective(CheckLine l) {
        return l.status() != CheckStatus.NEEDS_REVIEW;
    }

    public static int earned(List<Row> rows) {
        return rows.stream().mapToInt(Row::earned).sum();
    }

    public static int max(List<Row> rows) {
        return rows.stream().mapToInt(Row::max).sum();
    }

    static int units(double points) {
        return (int) Math.round(points * SCALE);
    }

    /** «8,5» from 85 tenths. */
    public static String asPoints(int tenths) {
        return Texts.points(tenths / (double) SCALE);
    }
}
