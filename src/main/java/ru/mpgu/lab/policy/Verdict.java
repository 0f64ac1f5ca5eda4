package ru.mpgu.lab.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The policy's answer for one submission: safe (no reasons) or refused with every reason at once.
 * {@code model} is the resolved compose model that was checked (null when refused before it was resolved).
 */
public record Verdict(List<Reason> reasons, JsonNode model) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public boolean safe() {
        return reasons.isEmpty();
    }

    /** True when the only trouble is a compose file that cannot be read (a syntax error, not an attack). */
    public boolean unreadable() {
        return !reasons.isEmpty() && reasons.stream().allMatch(r -> r.kind() == Reason.Kind.UNREADABLE);
    }

    /** «- reason» lines, Russian. */
    public String describe() {
        return reasons.stream().map(r -> "- " + r).collect(Collectors.joining("\n"));
    }
}
