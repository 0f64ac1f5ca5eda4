package ru.mpgu.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.policy.SubmissionScreen;
import ru.mpgu.lab.policy.Verdict;

/** {@code lab check --repo DIR}: the policy's verdict only; starts no container. Exit 0 safe, 1 refused. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Проверить работу на безопасность, ничего не запуская: можно ли поднимать её стенд.",
                "Код выхода: 0 — можно, 1 — отклонено, 3 — не удалось проверить."})
public class CheckCommand implements Callable<Integer> {

    public static final int EXIT_SAFE = 0;
    public static final int EXIT_REFUSED = 1;
    public static final int EXIT_CANNOT_CHECK = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "Папка с работой студента (репозиторий).")
    Path repo;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(repo)) {
            err.println("Ошибка: папки " + repo + " нет.");
            return EXIT_CANNOT_CHECK;
        }
        if (!Files.isRegularFile(repo.resolve("docker-compose.yml")) && !Files.isSymbolicLink(repo.resolve("docker-compose.yml"))) {
            out.println(repo + ": отклонено — в папке нет docker-compose.yml.");
            return EXIT_REFUSED;
        }
        // Free dummy ports: only interpolation of LAB_*_PORT needs them, nothing is published.
        Verdict verdict = SubmissionScreen.screen(repo, Map.of("LAB_HTTP_PORT", "18000",
                "LAB_PROMETHEUS_PORT", "19090", "LAB_GRAFANA_PORT", "13000"));
        if (verdict.safe()) {
            out.println(repo + ": можно проверять — конфигурация стенда в пределах правил лабораторной.");
            out.flush();
            return EXIT_SAFE;
        }
        out.println(repo + ": отклонено (" + verdict.reasons().size() + " " + plural(verdict.reasons().size()) + "):");
        out.println(verdict.describe());
        out.flush();
        return EXIT_REFUSED;
    }

    private static String plural(int n) {
        int m10 = n % 10;
        int m100 = n % 100;
        if (m10 == 1 && m100 != 11) {
            return "причина";
        }
        if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) {
            return "причины";
        }
        return "причин";
    }
}
