package ru.mpgu.lab.integrity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Differences between a repository and the template's manifest, grouped by {@link FileGroup}. */
public record IntegrityReport(Map<FileGroup, Changes> groups) {

    /** Paths changed, missing or added within one group. */
    public record Changes(List<String> changed, List<String> missing, List<String> added) {
        public Changes {
            changed = List.copyOf(changed);
            missing = List.copyOf(missing);
            added = List.copyOf(added);
        }

        public boolean isEmpty() {
            return changed.isEmpty() && missing.isEmpty() && added.isEmpty();
        }

        public List<String> all() {
            List<String> all = new ArrayList<>(changed);
            all.addAll(missing);
            all.addAll(added);
            return all;
        }
    }

    public IntegrityReport {
        Map<FileGroup, Changes> copy = new EnumMap<>(FileGroup.class);
        for (FileGroup g : FileGroup.values()) {
            copy.put(g, groups.getOrDefault(g, new Changes(List.of(), List.of(), List.of())));
        }
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    public Changes of(FileGroup group) {
        return groups.get(group);
    }

    /** The grader, its tests or the rubric differ from the template. */
    public boolean graderTampered() {
        return !of(FileGroup.GRADER).isEmpty() || !of(FileGroup.RUBRIC).isEmpty();
    }

    /** Russian lines, one per group that has changes: what changed, missing or added (first few paths). */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (FileGroup g : FileGroup.values()) {
            Changes c = of(g);
            if (c.isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder(g.russian()).append(":");
            append(sb, "изменены", c.changed());
            append(sb, "удалены", c.missing());
            append(sb, "добавлены", c.added());
            lines.add(sb.toString());
        }
        return lines;
    }

    private static void append(StringBuilder sb, String what, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        List<String> shown = paths.size() > 5 ? paths.subList(0, 5) : paths;
        sb.append(' ').append(what).append(' ').append(String.join(", ", shown));
        if (paths.size() > shown.size()) {
            sb.append(" и ещё ").append(paths.size() - shown.size());
        }
        sb.append(';');
    }
}
