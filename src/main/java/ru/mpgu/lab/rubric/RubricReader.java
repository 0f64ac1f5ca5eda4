package ru.mpgu.lab.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the YAML tree, builds the {@link Rubric} and collects every problem
 * (path + line) instead of stopping at the first one.
 */
final class RubricReader {

    private static final double EPS = 1e-6;
    private static final Set<String> ROOT_KEYS = Set.of("version", "title", "total", "pass_mark", "rounding_step", "grade_scale", "criteria");
    private static final Set<String> BAND_KEYS = Set.of("min_points", "label");
    private static final Set<String> CRITERION_KEYS = Set.of("id", "title", "points", "checks");
    private static final Set<String> CHECK_KEYS = Set.of("id", "title", "points", "hint", "params", "answer", "gate", "requires");
    private static final Set<String> ANSWER_KEYS = Set.of("number", "question", "min_words", "max_words", "review_band", "accept_at",
            "concepts", "wrong_causes", "compare_runs");
    private static final Set<String> CONCEPT_KEYS = Set.of("id", "title", "terms", "weight", "about", "says", "counter");

    private final YamlLocations locations;
    private final List<String> problems = new ArrayList<>();

    RubricReader(YamlLocations locations) {
        this.locations = locations;
        for (String dup : locations.duplicateKeys()) {
            problems.add(dup + ": ключ повторяется дважды; оставьте один");
        }
    }

    List<String> problems() {
        return problems;
    }

    Rubric read(JsonNode root, Path source) {
        if (!root.isObject()) {
            problem("", "в корне файла должен быть набор ключей (title, total, pass_mark, grade_scale, criteria)");
            return null;
        }
        unknownKeys(root, "", ROOT_KEYS);
        String title = text(root, "", "title", false, "Лабораторная работа");
        double total = number(root, "", "total", true, 0);
        if (root.has("total") && total <= 0) {
            problem("total", "итог должен быть больше нуля, сейчас " + fmt(total));
        }
        double passMark = number(root, "", "pass_mark", true, 0);
        if (passMark < 0 || (total > 0 && passMark > total + EPS)) {
            problem("pass_mark", "порог зачёта " + fmt(passMark) + " должен быть от 0 до total (" + fmt(total) + ")");
        }
        double step = number(root, "", "rounding_step", false, 0.1);
        if (step <= 0 || step > 1) {
            problem("rounding_step", "шаг округления должен быть больше 0 и не больше 1, сейчас " + fmt(step));
        }
        List<GradeBand> scale = readScale(root.get("grade_scale"), total);
        List<Criterion> criteria = readCriteria(root.get("criteria"));
        double sum = criteria.stream().mapToDouble(Criterion::points).sum();
        if (!criteria.isEmpty() && total > 0 && Math.abs(sum - total) > EPS) {
            problem("total", "сумма баллов критериев (" + fmt(sum) + ") не равна total (" + fmt(total) + ")");
        }
        return new Rubric(source, title, total, passMark, step, scale, criteria);
    }

    private List<GradeBand> readScale(JsonNode node, double total) {
        List<GradeBand> out = new ArrayList<>();
        if (node == null) {
            problem("grade_scale", "нет обязательного ключа grade_scale (шкала оценок)");
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            problem("grade_scale", "должен быть непустым списком {min_points, label}");
            return out;
        }
        Set<String> labels = new HashSet<>();
        Double previous = null;
        for (int i = 0; i < node.size(); i++) {
            String path = "grade_scale[" + i + "]";
            JsonNode band = node.get(i);
            if (!band.isObject()) {
                problem(path, "ожидается {min_points: ..., label: ...}");
                continue;
            }
            unknownKeys(band, path, BAND_KEYS);
            double min = number(band, path, "min_points", true, 0);
            String label = text(band, path, "label", true, "");
            if (min < 0 || (total > 0 && min > total + EPS)) {
                problem(path + ".min_points", "должно быть от 0 до total (" + fmt(total) + "), сейчас " + fmt(min));
            }
            if (previous != null && min <= previous + EPS) {
                problem(path + ".min_points", "шкала должна идти по возрастанию min_points без повторов: "
                        + fmt(min) + " после " + fmt(previous));
            }
            if (!label.isEmpty() && !labels.add(label)) {
                problem(path + ".label", "оценка «" + label + "» уже есть в шкале");
            }
            previous = min;
            out.add(new GradeBand(min, label));
        }
        return out;
    }

    private List<Criterion> readCriteria(JsonNode node) {
        List<Criterion> out = new ArrayList<>();
        if (node == null) {
            problem("criteria", "нет обязательного ключа criteria (список критериев)");
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            problem("criteria", "должен быть непустым списком критериев");
            return out;
        }
        Set<String> criterionIds = new HashSet<>();
        Set<String> checkIds = new HashSet<>();
        Set<Integer> questions = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "criteria[" + i + "]";
            JsonNode c = node.get(i);
            if (!c.isObject()) {
                problem(path, "критерий должен быть набором ключей id, title, points, checks");
                continue;
            }
            unknownKeys(c, path, CRITERION_KEYS);
            String id = text(c, path, "id", true, "");
            if (!id.isEmpty() && !criterionIds.add(id)) {
                problem(path + ".id", "id «" + id + "» уже используется другим критерием");
            }
            String title = text(c, path, "title", true, id);
            double points = positive(c, path, "points");
            List<Check> checks = readChecks(c.get("checks"), path, id, checkIds, questions);
            double sum = checks.stream().mapToDouble(Check::points).sum();
            if (!checks.isEmpty() && points > 0 && Math.abs(sum - points) > EPS) {
                problem(path + ".points", "сумма баллов проверок критерия «" + id + "» (" + fmt(sum)
                        + ") не равна баллам критерия (" + fmt(points) + ")");
            }
            out.add(new Criterion(id, title, points, checks));
        }
        checkRequires(node, out);
        return out;
    }

    private List<Check> readChecks(JsonNode node, String parent, String criterionId, Set<String> ids, Set<Integer> questions) {
        List<Check> out = new ArrayList<>();
        String listPath = parent + ".checks";
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem(listPath, "у критерия должен быть непустой список проверок checks");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = listPath + "[" + i + "]";
            JsonNode k = node.get(i);
            if (!k.isObject()) {
                problem(path, "проверка должна быть набором ключей id, title, points");
                continue;
            }
            unknownKeys(k, path, CHECK_KEYS);
            String id = text(k, path, "id", true, "");
            if (!id.isEmpty()) {
                if (!ids.add(id)) {
                    problem(path + ".id", "id проверки «" + id + "» уже используется");
                }
                if (!criterionId.isEmpty() && !id.startsWith(criterionId + ".")) {
                    problem(path + ".id", "id проверки «" + id + "» должен начинаться с «" + criterionId + ".»");
                }
            }
            String title = text(k, path, "title", true, id);
            boolean gate = k.has("gate") && k.get("gate").asBoolean(false);
            if (k.has("gate") && !k.get("gate").isBoolean()) {
                problem(path + ".gate", "gate должен быть true или false");
            }
            double points = gate ? number(k, path, "points", false, 0) : positive(k, path, "points");
            if (gate && Math.abs(points) > EPS) {
                problem(path + ".points", "условие (gate: true) баллов не даёт: points должен быть 0, сейчас " + fmt(points));
            }
            List<String> requires = new ArrayList<>();
            JsonNode req = k.get("requires");
            if (req != null) {
                if (!req.isArray()) {
                    problem(path + ".requires", "requires должен быть списком id условий, например [launch.stack_boots]");
                } else {
                    req.forEach(r -> requires.add(r.asText().trim()));
                }
            }
            String hint = text(k, path, "hint", false, "");
            Map<String, Object> params = new LinkedHashMap<>();
            JsonNode p = k.get("params");
            if (p != null) {
                if (!p.isObject()) {
                    problem(path + ".params", "params должен быть набором ключ: значение");
                } else {
                    params.putAll(new ObjectMapper().convertValue(p, Map.class));
                    String at = path + ".params";
                    ru.mpgu.lab.rubric.params.CheckParams.typeOf(id).flatMap(type -> ru.mpgu.lab.rubric.params.ParamBinder.check(p, type))
                            .ifPresent(bad -> problem(bad.key().isEmpty() ? at : at + "." + bad.key(), bad.message()));
                }
            }
            AnswerSpec answer = k.has("answer") ? readAnswer(k.get("answer"), path + ".answer", questions) : null;
            out.add(new Check(id, title, points, hint, params, answer, gate, requires));
        }
        return out;
    }

    private AnswerSpec readAnswer(JsonNode a, String path, Set<Integer> questions) {
        if (!a.isObject()) {
            problem(path, "answer должен быть набором ключей number, question, concepts");
            return null;
        }
        unknownKeys(a, path, ANSWER_KEYS);
        int number = (int) number(a, path, "number", true, 0);
        if (a.has("number") && (number < 1 || number > 9)) {
            problem(path + ".number", "номер вопроса должен быть от 1 до 9, сейчас " + number);
        } else if (a.has("number") && !questions.add(number)) {
            problem(path + ".number", "вопрос " + number + " уже оценивается другой проверкой");
        }
        String question = text(a, path, "question", true, "");
        int minWords = (int) number(a, path, "min_words", false, 5);
        int maxWords = (int) number(a, path, "max_words", false, 400);
        if (minWords < 0 || maxWords <= minWords) {
            problem(path + ".max_words", "нужно 0 <= min_words < max_words, сейчас " + minWords + " и " + maxWords);
        }
        double from = 0.4;
        double full = 0.75;
        JsonNode band = a.get("review_band");
        if (band != null) {
            if (!band.isArray() || band.size() != 2 || !band.get(0).isNumber() || !band.get(1).isNumber()) {
                problem(path + ".review_band", "ожидается два числа [нижняя, верхняя], например [0.4, 0.75]");
            } else {
                from = band.get(0).asDouble();
                full = band.get(1).asDouble();
                if (from < 0 || full > 1 || from > full) {
                    problem(path + ".review_band", "нужно 0 <= нижняя <= верхняя <= 1, сейчас [" + fmt(from) + ", " + fmt(full) + "]");
                }
            }
        }
        JsonNode acceptAt = a.get("accept_at");
        if (acceptAt != null) {
            if (!acceptAt.isNumber() || acceptAt.asDouble() <= 0 || acceptAt.asDouble() > 1) {
                problem(path + ".accept_at", "accept_at - доля веса утверждений для полного балла, число больше 0 и не больше 1");
            } else {
                full = acceptAt.asDouble();
            }
        }
        List<Concept> concepts = new ArrayList<>();
        JsonNode cs = a.get("concepts");
        // A public (student) rubric has no key: no concepts at all. Then only the form of the answer is checked.
        if (cs != null && (!cs.isArray() || cs.isEmpty())) {
            problem(path + ".concepts", "concepts должен быть непустым списком утверждений (или уберите ключ совсем)");
        } else if (cs != null) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < cs.size(); i++) {
                String cp = path + ".concepts[" + i + "]";
                JsonNode c = cs.get(i);
                if (!c.isObject()) {
                    problem(cp, "понятие должно быть набором ключей id, title, terms, weight");
                    continue;
                }
                unknownKeys(c, cp, CONCEPT_KEYS);
                String id = text(c, cp, "id", true, "");
                if (!id.isEmpty() && !ids.add(id)) {
                    problem(cp + ".id", "понятие «" + id + "» уже есть в этом вопросе");
                }
                String title = text(c, cp, "title", true, id);
                double weight = number(c, cp, "weight", false, 1);
                if (weight <= 0) {
                    problem(cp + ".weight", "вес должен быть больше нуля, сейчас " + fmt(weight));
                }
                List<String> terms = phrases(c, cp, "terms");
                List<String> about = phrases(c, cp, "about");
                List<String> says = phrases(c, cp, "says");
                List<String> counter = phrases(c, cp, "counter");
                if (terms.isEmpty() && about.isEmpty() && !c.has("terms") && !c.has("about")) {
                    problem(cp + ".terms", "у утверждения «" + id + "» нет ни terms, ни about: добавьте, о чём оно и что о нём сказано");
                }
                if (!says.isEmpty() && about.isEmpty()) {
                    problem(cp + ".says", "says без about: укажите в about, о чём говорится (например, «время ответа»)");
                }
                concepts.add(new Concept(id, title, terms, weight, about, says, counter));
            }
        }
        List<String> wrongCauses = a.has("wrong_causes") ? phrases(a, path, "wrong_causes") : List.of();
        JsonNode cmp = a.get("compare_runs");
        if (cmp != null && !cmp.isBoolean()) {
            problem(path + ".compare_runs", "compare_runs должен быть true или false");
        }
        return new AnswerSpec(number, question, minWords, maxWords, from, full, concepts, wrongCauses, cmp != null && cmp.asBoolean());
    }

    /** Optional list of non-empty phrases under {@code key}; each bad entry is a problem with its line. */
    private List<String> phrases(JsonNode obj, String path, String key) {
        List<String> out = new ArrayList<>();
        JsonNode t = obj.get(key);
        if (t == null) {
            return out;
        }
        if (!t.isArray() || t.isEmpty()) {
            problem(join(path, key), "в «" + key + "» нет слов: нужен непустой список слов или фраз в [ ]");
            return out;
        }
        for (int j = 0; j < t.size(); j++) {
            String term = t.get(j).isValueNode() ? t.get(j).asText().trim() : "";
            if (term.isEmpty() || term.equals("*") || term.equals("не")) {
                problem(join(path, key) + "[" + j + "]", "пустая фраза в " + key);
            } else {
                out.add(term);
            }
        }
        return out;
    }

    /** Every {@code requires} entry names a gate check of this rubric. */
    private void checkRequires(JsonNode node, List<Criterion> criteria) {
        Map<String, Check> byId = new LinkedHashMap<>();
        criteria.forEach(c -> c.checks().forEach(k -> byId.put(k.id(), k)));
        for (int i = 0; i < criteria.size(); i++) {
            List<Check> checks = criteria.get(i).checks();
            for (int j = 0; j < checks.size(); j++) {
                for (String r : checks.get(j).requires()) {
                    Check target = byId.get(r);
                    String path = "criteria[" + i + "].checks[" + j + "].requires";
                    if (target == null) {
                        problem(path, "условие «" + r + "» не найдено среди проверок");
                    } else if (!target.gate()) {
                        problem(path, "«" + r + "» - не условие: у него нет gate: true");
                    }
                }
            }
        }
    }

    // --- small helpers ---

    private void unknownKeys(JsonNode obj, String path, Set<String> allowed) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(join(path, key), "неизвестный ключ «" + key + "»; допустимы: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private String text(JsonNode obj, String path, String key, boolean required, String fallback) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problem(join(path, key), "нет обязательного ключа «" + key + "»");
            }
            return fallback;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            problem(join(path, key), "«" + key + "» должен быть непустой строкой");
            return fallback;
        }
        return v.asText().trim();
    }

    private double number(JsonNode obj, String path, String key, boolean required, double fallback) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problem(join(path, key), "нет обязательного ключа «" + key + "»");
            }
            return fallback;
        }
        if (!v.isNumber()) {
            problem(join(path, key), "«" + key + "» должен быть числом, а не «" + v.asText() + "»");
            return fallback;
        }
        return v.asDouble();
    }

    private double positive(JsonNode obj, String path, String key) {
        double v = number(obj, path, key, true, 0);
        if (obj.has(key) && obj.get(key).isNumber() && v <= 0) {
            problem(join(path, key), "баллы должны быть больше нуля, сейчас " + fmt(v));
        }
        return v;
    }

    private void problem(String path, String message) {
        int line = locations.line(path);
        String where = path.isEmpty() ? "" : path;
        if (line > 0) {
            where = where.isEmpty() ? "строка " + line : where + " (строка " + line + ")";
        }
        problems.add(where.isEmpty() ? message : where + ": " + message);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** {@code criteria[2].checks[1].points} to {@code /criteria/2/checks/1/points}. */
    static String pathToPointer(String path) {
        if (path.isEmpty()) {
            return "";
        }
        return "/" + path.replace("[", "/").replace("]", "").replace(".", "/");
    }

    /** Inverse of {@link #pathToPointer(String)}. */
    static String pointerToPath(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }
}
