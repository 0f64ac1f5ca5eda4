package ru.mpgu.lab.rubric;

import java.util.List;

/** rubric.yaml is broken; the message (Russian) lists every problem found, not only the first. */
public class RubricException extends RuntimeException {

    private final List<String> problems;

    public RubricException(String file, List<String> problems) {
        super(format(file, problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String file, List<String> problems) {
        StringBuilder sb = new StringBuilder("Файл критериев " + file + " содержит ошибки (" + problems.size() + "):");
        for (int i = 0; i < problems.size(); i++) {
            sb.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return sb.toString();
    }
}
