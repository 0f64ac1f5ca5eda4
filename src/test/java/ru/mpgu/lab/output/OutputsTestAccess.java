package ru.mpgu.lab.output;

import java.util.Map;
import ru.mpgu.lab.scoring.ScoreSheet;

/** Canned score sheets of {@link OutputsTest} for tests in other packages. */
public final class OutputsTestAccess {

    private OutputsTestAccess() {
    }

    public static ScoreSheet sheet(boolean infra) {
        return OutputsTest.mixedSheet(infra, Map.of());
    }
}
