package ru.mpgu.lab.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student in the gradebook.
 *
 * @param criteria   criterion id → points (empty when the grading gave no score sheet)
 * @param total      points, or null when there is no score
 * @param seconds    how long the grading took
 * @param rps1       Requests/sec the grader measured at 1 replica, or null
 * @param rps3       Requests/sec at 3 replicas, or null
 * @param reportLink path of the student's page relative to the batch output, or empty
 * @param notes      details behind the flags (integrity changes, errors), Russian
 */
public record GradebookRow(String folder, String student, String group, Map<String, Double> criteria, Double total,
                           double max, String grade, List<String> flags, double seconds, Double rps1, Double rps3,
                           String reportLink, List<String> notes) {
    public GradebookRow {
        criteria = criteria == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
        flags = flags == null ? List.of() : List.copyOf(flags);
        notes = notes == null ? List.of() : List.copyOf(notes);
        student = student == null ? "" : student;
        group = group == null ? "" : group;
        grade = grade == null ? "" : grade;
        reportLink = reportLink == null ? "" : reportLink;
    }
}
