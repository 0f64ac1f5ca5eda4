package ru.mpgu.lab.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import ru.mpgu.lab.grading.MeasurementsFile;
import ru.mpgu.lab.ocr.OcrCache;
import ru.mpgu.lab.output.ScoreSheetJson;
import ru.mpgu.lab.scoring.ScoreSheet;
import ru.mpgu.lab.variant.ScreenshotCode;

/**
 * Runs each grading in a child JVM ({@code java -cp <this classpath> ru.mpgu.lab.cli.LabCli grade ...}) with a
 * wall-clock budget. On timeout the child's whole process tree is killed and {@code cleanup} runs (in real use
 * StaleStacks.removeAbandoned: the child's pid is in its compose project name, so its containers go too).
 */
public final class ChildProcessGrader implements SubmissionGrader {

    /** Testcontainers on registry-less machines, as in the Failsafe configuration. */
    public static final Map<String, String> CHILD_ENV = Map.of(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_CHECKS_DISABLE", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<GradeRequest, List<String>> command;
    private final Map<String, String> env;
    private final Runnable cleanup;
    private volatile Process current;

    public ChildProcessGrader(Function<GradeRequest, List<String>> command, Map<String, String> env, Runnable cleanup) {
        this.command = command;
        this.env = Map.copyOf(env);
        this.cleanup = cleanup;
    }

    /** The real thing: this JVM's java and classpath, the teacher's rubric, the child's report into the batch's out dir. */
    public static ChildProcessGrader javaChild(Runnable cleanup) {
        return new ChildProcessGrader(ChildProcessGrader::javaCommand, CHILD_ENV, cleanup);
    }

    static List<String> javaCommand(GradeRequest r) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true"));
        if (ScreenshotCode.engine() instanceof OcrCache cache) {
            // the child reads the batch's screenshots too: through the same cache file
            cmd.add("-D" + ScreenshotCode.CACHE_PROPERTY + "=" + cache.file());
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "ru.mpgu.lab.cli.LabCli", "grade",
                "--repo", r.repo().toString(), "--out", r.reportDir().toString(), "--rubric", r.rubric().toString()));
        if (r.overrides() != null) {
            cmd.add("--overrides");
            cmd.add(r.overrides().toString());
        }
        if (r.facts() != null) {
            cmd.add("--facts");
            cmd.add(r.facts().toString());
        }
        if (r.rosterVariant() != null) {
            cmd.add("--roster-variant");
            cmd.add(r.rosterVariant());
        }
        return cmd;
    }

    @Override
    public GradingOutcome grade(GradeRequest r) {
        long start = System.nanoTime();
        List<String> cmd = command.apply(r);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // a teacher's batch inside CI must not have every child append to the batch job's own outputs
        pb.environment().keySet().removeAll(List.of("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "CLASSROOM", "ASSIGNMENT"));
        pb.environment().putAll(env);
        pb.directory(r.repo().toFile());
        Process p;
        try {
            Files.createDirectories(r.reportDir());
            Files.createDirectories(r.log().toAbsolutePath().getParent());
            pb.redirectOutput(r.log().toFile());
            p = pb.start();
        } catch (IOException e) {
            return new GradingOutcome(null, null, null, -1, false,
                    "не удалось запустить проверку: " + e.getMessage(), elapsed(start));
        }
        current = p;
        boolean finished;
        try {
            finished = p.waitFor(r.budget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            killTree(p);
            current = null;
            cleanup.run();
            return new GradingOutcome(readSheet(r), readMeasurements(r), readNotices(r), -1, true,
                    "проверка не уложилась в " + r.budget().toSeconds() + " с и была остановлена", elapsed(start));
        }
        current = null;
        int code = p.exitValue();
        ScoreSheet sheet = readSheet(r);
        String error = "";
        if (code != 0) {
            cleanup.run();
            error = "проверка завершилась с кодом " + code + " (подробности: " + r.log().getFileName() + ")";
        } else if (sheet == null) {
            error = "проверка не оставила результатов (" + ScoreSheetJson.FILE_NAME + ")";
        }
        return new GradingOutcome(sheet, readMeasurements(r), readNotices(r), code, false, error, elapsed(start));
    }

    @Override
    public void abortCurrent() {
        Process p = current;
        if (p != null) {
            killTree(p);
            cleanup.run();
        }
    }

    /** Descendants first (a JVM's docker CLI children, a shell's sleep), then the process itself. */
    static void killTree(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort: it was sent SIGKILL
            }
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static ScoreSheet readSheet(GradeRequest r) {
        Path file = r.reportDir().resolve(ScoreSheetJson.FILE_NAME);
        try {
            return Files.isRegularFile(file) ? ScoreSheetJson.read(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Map<String, Double> readMeasurements(GradeRequest r) {
        Map<String, Double> result = new LinkedHashMap<>();
        JsonNode root = measurementsJson(r);
        root.path("measurements").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                result.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return result;
    }

    static List<String> readNotices(GradeRequest r) {
        List<String> result = new ArrayList<>();
        measurementsJson(r).path("notices").forEach(n -> result.add(n.asText()));
        return result;
    }

    private static JsonNode measurementsJson(GradeRequest r) {
        Path file = r.reportDir().resolve(MeasurementsFile.NAME);
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
