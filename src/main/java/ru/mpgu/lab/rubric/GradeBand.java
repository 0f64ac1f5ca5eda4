package ru.mpgu.lab.rubric;

/** One step of the grade scale: from {@code minPoints} on, the grade is {@code label}. */
public record GradeBand(double minPoints, String label) {
}
