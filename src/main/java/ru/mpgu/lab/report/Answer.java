package ru.mpgu.lab.report;

/**
 * The student's answer to one question.
 *
 * @param text empty when the student left the placeholder
 * @param line line of the «## Ответ N» heading
 */
public record Answer(int number, String text, int line) {
    public boolean isEmpty() {
        return text.isBlank();
    }
}
