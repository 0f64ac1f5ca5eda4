package ru.mpgu.lab.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The student's rubric: the teacher's rubric.yaml without the answer key. Criteria, points, what is checked,
 * thresholds and hints stay; in answer blocks only the question and the length limits stay, so the
 * student's self-check grades the form of an answer and leaves its content to the teacher.
 */
public final class PublicRubric {

    /** Keys of an answer block that carry no part of the key. */
    static final Set<String> PUBLIC_ANSWER_KEYS = Set.of("number", "question", "min_words", "max_words");

    private static final String HEADER = """
            # Критерии оценивания лабораторной «%s» - версия для студента.
            # Баллы, проверки и пороги те же, что у преподавателя. Письменные ответы и вывод самопроверка
            # оценивает только по форме (заполнен, достаточно длинный, не повторяет вопрос); их содержание
            # оценивает преподаватель своим экземпляром критериев. Файл не меняйте: работу проверяют
            # критериями преподавателя, а не этим файлом.

            """;

    private PublicRubric() {
    }

    /** The public YAML text made from the teacher's rubric file. */
    public static String from(Path teacherRubric) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)); // a hint stays one readable line
        JsonNode root = yaml.readTree(Files.readString(teacherRubric));
        for (JsonNode criterion : root.path("criteria")) {
            for (JsonNode check : criterion.path("checks")) {
                JsonNode answer = check.get("answer");
                if (answer instanceof ObjectNode a) {
                    a.retain(PUBLIC_ANSWER_KEYS);
                }
            }
        }
        return HEADER.formatted(root.path("title").asText("")) + yaml.writeValueAsString(root);
    }

    public static void write(Path teacherRubric, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, from(teacherRubric));
    }
}
