package ru.mpgu.lab.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import ru.mpgu.lab.batch.BatchRunner;
import ru.mpgu.lab.docs.DocPlan;
import ru.mpgu.lab.docs.DocPlan.Outcome;
import ru.mpgu.lab.docs.DocPlan.Step;
import ru.mpgu.lab.docs.DocSandbox;

/**
 * Follows the README and the task sheets from a fresh clone: every command they print (see DocPlan) is run in
 * order, as a student and then a teacher would type it, against the real compose stack. Each command's
 * output goes to target/docs-commands/log.txt; all failures are listed together at the end.
 */
class DocCommandsIT {

    @Test
    @Timeout(value = 75, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyDocumentedCommandWorksFromAFreshClone() throws Exception {
        DocSandbox.requireFreePorts();
        Path root = Path.of("target/docs-commands").toAbsolutePath();
        BatchRunner.deleteTree(root);
        Files.createDirectories(root);
        List<Step> steps = DocPlan.steps();
        List<String> failures = new ArrayList<>();
        try (DocSandbox box = new DocSandbox(Fixtures.TEMPLATE, root);
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(root.resolve("log.txt"), StandardCharsets.UTF_8))) {
            box.publishWorkingTree();
            int n = 0;
            for (Step step : steps) {
                n++;
                String head = String.format("[docs %2d/%d] ", n, steps.size());
                long started = System.nanoTime();
                String result;
                Outcome outcome = null;
                try {
                    if (step.isCommand()) {
                        System.out.println(head + step.documented() + (step.why().isEmpty() ? ""
                                : "\n            выполняю: " + box.show(step.run()) + "  (" + String.join("; ", step.why()) + ")"));
                        outcome = box.run(step.place(), step.run(), step.timeout());
                        log.printf("$ %s%n%s%n[код %d]%n%n", step.run(), outcome.output(), outcome.exitCode());
                        log.flush();
                        step.expect().check(outcome, box);
                    } else {
                        System.out.println(head + "(вручную) " + step.run());
                        step.action().perform(box);
                    }
                    result = "ok";
                } catch (AssertionError | Exception e) {
                    result = "ОШИБКА";
                    failures.add((step.isCommand() ? step.documented() : step.run()) + "\n    " + e.getMessage()
                            + (outcome == null ? "" : "\n    вывод: " + tail(outcome.output())));
                }
                System.out.printf("            %s за %.1f с%n", result, (System.nanoTime() - started) / 1e9);
            }
        }
        assertThat(failures).as("команды документации, которые не сработали (вывод: target/docs-commands/log.txt)")
                .isEmpty();
    }

    private static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join("\n      ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }
}
