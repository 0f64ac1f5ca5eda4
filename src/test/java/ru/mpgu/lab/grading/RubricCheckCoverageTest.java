package ru.mpgu.lab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.mpgu.lab.rubric.Check;
import ru.mpgu.lab.rubric.Criterion;
import ru.mpgu.lab.rubric.Rubric;
import ru.mpgu.lab.rubric.RubricLoader;
import ru.mpgu.lab.tasks.Task1LaunchTest;
import ru.mpgu.lab.tasks.Task2LoadTest;
import ru.mpgu.lab.tasks.Task3MetricsTest;
import ru.mpgu.lab.tasks.Task4ScalingTest;
import ru.mpgu.lab.tasks.Task5ExplanationTest;

/** The task classes and rubric.yaml name the same checks: each rubric check is earned by exactly one task method. */
class RubricCheckCoverageTest {

    static final List<Class<?>> TASKS = List.of(Task1LaunchTest.class, Task2LoadTest.class, Task3MetricsTest.class,
            Task4ScalingTest.class, Task5ExplanationTest.class);

    static List<String> annotatedIds() {
        List<String> ids = new ArrayList<>();
        for (Class<?> task : TASKS) {
            for (Method m : task.getDeclaredMethods()) {
                RubricCheck annotation = m.getAnnotation(RubricCheck.class);
                if (annotation != null) {
                    ids.add(annotation.value());
                }
            }
        }
        return ids;
    }

    @Test
    void everyAnnotatedCheckIsInTheRubric() {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yaml"));
        assertThat(annotatedIds()).isNotEmpty().allSatisfy(id -> assertThat(rubric.check(id)).as(id).isPresent());
    }

    @Test
    void everyRubricCheckHasExactlyOneTaskMethod() {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yaml"));
        Map<String, Long> methodsPerId = annotatedIds().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> rubricIds = rubric.criteria().stream().flatMap(c -> c.checks().stream()).map(Check::id).toList();
        assertThat(rubricIds).isNotEmpty().allSatisfy(id -> assertThat(methodsPerId.getOrDefault(id, 0L)).as(id).isEqualTo(1L));
    }

    @Test
    void noTaskClassRepeatsItsCheckIdInTheBody() throws Exception {
        for (Class<?> task : TASKS) {
            Path source = Path.of("src/main/java", task.getName().replace('.', '/') + ".java");
            String text = java.nio.file.Files.readString(source);
            for (String id : annotatedIds()) {
                long times = Stream.of(text.split("\"" + java.util.regex.Pattern.quote(id) + "\"", -1)).count() - 1;
                assertThat(times).as(id + " in " + source.getFileName()).isLessThanOrEqualTo(1);
            }
        }
    }
}
