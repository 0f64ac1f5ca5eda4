package ru.mpgu.lab.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.rubric.params.CheckParams;

/** Each check's params bind to a record at load: a wrong key or type is an error with its line, not a default. */
class ParamBindingTest {

    static final String RUBRIC = read();

    static String read() {
        try {
            return Files.readString(Path.of("rubric.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** rubric.yaml with {@code from} (a line of load.no_errors' params) replaced; returns the problems and the line. */
    static List<String> problemsWith(String from, String to) {
        assertThat(RUBRIC).contains(from);
        RubricException e = catchThrowableOfType(RubricException.class,
                () -> RubricLoader.parse(RUBRIC.replace(from, to), "rubric.yaml", null));
        assertThat(e).as("must not load").isNotNull();
        return e.problems();
    }

    static int lineOf(String text) {
        List<String> lines = RUBRIC.lines().toList();
        return lines.indexOf(lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void theRepositoryRubricBindsAndGivesTypedParams() {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yaml"));
        CheckParams.Load load = rubric.check("load.no_errors").orElseThrow().params(CheckParams.Load.class);
        assertThat(load.connections()).isEqualTo(30);
        assertThat(load.maxErrorShare()).isEqualTo(0.01);
        assertThat(rubric.check("launch.stack_boots").orElseThrow().params(CheckParams.StackBoots.class).requiredServices())
                .contains("web", "db");
    }

    @Test
    void aMisspelledParamIsAnErrorOnItsLine() {
        int line = lineOf("max_error_share: 0.01");
        List<String> problems = problemsWith("max_error_share: 0.01", "max_eror_share: 0.01");
        assertThat(problems).singleElement().asString()
                .contains("строка " + line, "неизвестный параметр «max_eror_share»", "max_error_share");
    }

    @Test
    void aNumberWrittenAsTextIsAnError() {
        List<String> problems = problemsWith("max_error_share: 0.01", "max_error_share: \"1%\"");
        assertThat(problems).singleElement().asString().contains("max_error_share", "должен быть числом", "1%");
    }

    @Test
    void aFractionWhereAnIntegerIsNeededIsAnError() {
        List<String> problems = problemsWith("min_panels: 1", "min_panels: 1.5");
        assertThat(problems).singleElement().asString().contains("строка " + lineOf("min_panels: 1"), "целым числом");
    }
}
