package ru.mpgu.lab.demo;

import ru.mpgu.lab.measure.load.LoadConfig;
import ru.mpgu.lab.measure.load.LoadGenerator;
import ru.mpgu.lab.measure.load.LoadResult;

/** Runs one load level; the real one is the grader's wrk-like {@link LoadGenerator}. */
@FunctionalInterface
public interface LoadRunner {

    LoadResult run(LoadConfig config);

    static LoadRunner generator() {
        return new LoadGenerator()::run;
    }
}
