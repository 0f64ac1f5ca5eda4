package ru.mpgu.lab.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import ru.mpgu.lab.scoring.ScoreSheet;

/**
 * What a student's `./mvnw verify` adds for the platform it runs on, recognized by the environment:
 * GitHub Actions ($GITHUB_OUTPUT / $GITHUB_STEP_SUMMARY) gets the autograding result and job summary;
 * the Classroom 50 runner (CLASSROOM and ASSIGNMENT set) gets result.json in the repository root.
 */
public final class PlatformOutputs {

    private PlatformOutputs() {
    }

    /** @return a line to print (e.g. «Points 8.5/10»), if any platform was recognized */
    public static Optional<String> fromEnvironment(ScoreSheet sheet, RunMetadata meta, Map<String, String> env, Path repo) {
        StringBuilder lines = new StringBuilder();
        try {
            if (env.containsKey("GITHUB_OUTPUT") || env.containsKey("GITHUB_STEP_SUMMARY")) {
                lines.append(AutogradingResult.emit(sheet, meta, env));
            }
            if (env.containsKey("CLASSROOM") && env.containsKey("ASSIGNMENT")) {
                Path file = Classroom50Result.write(repo.resolve(Classroom50Result.FILE_NAME), sheet, meta, env);
                lines.append(lines.length() > 0 ? "\n" : "").append("[lab] результат для Classroom 50: ").append(file);
            }
        } catch (IOException e) {
            lines.append(lines.length() > 0 ? "\n" : "").append("[lab] не удалось записать результат для платформы: ")
                    .append(e.getMessage());
        }
        return lines.length() == 0 ? Optional.empty() : Optional.of(lines.toString());
    }
}
