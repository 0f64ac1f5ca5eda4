package ru.mpgu.lab.rubric;

import java.util.List;
import java.util.Map;

/**
 * One automatic or answer check inside a criterion.
 *
 * @param hint   Russian "how to fix" text shown when the check is not fully passed
 * @param params thresholds read by the check code (numbers, strings, lists)
 * @param answer   non-null only for checks that grade a written answer
 * @param gate     a condition the template meets by itself (the stack boots, ...): reported, worth no points
 * @param requires gate check ids that must pass before this check's points count
 */
public record Check(String id, String title, double points, String hint, Map<String, Object> params, AnswerSpec answer,
                    boolean gate, List<String> requires) {

    public Check {
        params = params == null ? Map.of() : Map.copyOf(params);
        hint = hint == null ? "" : hint;
        requires = requires == null ? List.of() : List.copyOf(requires);
    }

    public Check(String id, String title, double points, String hint, Map<String, Object> params, AnswerSpec answer) {
        this(id, title, points, hint, params, answer, false, List.of());
    }

    /** The params bound to their record (see {@link ru.mpgu.lab.rubric.params.CheckParams}); checked when rubric.yaml loads. */
    public <T extends Record> T params(Class<T> type) {
        return ru.mpgu.lab.rubric.params.ParamBinder.bind(
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(params), type);
    }

    public boolean hasParam(String name) {
        return params.containsKey(name);
    }

    public double doubleParam(String name, double fallback) {
        Object v = params.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("Параметр " + id + "." + name + " должен быть числом, а не «" + v + "»");
    }

    public int intParam(String name, int fallback) {
        return (int) Math.round(doubleParam(name, fallback));
    }

    public String stringParam(String name, String fallback) {
        Object v = params.get(name);
        return v == null ? fallback : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    public List<String> listParam(String name) {
        Object v = params.get(name);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
