package ru.mpgu.lab.variant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's class list: CSV with id, ФИО, group, e-mail (a header row with these names in any order, or no
 * header and this order). Excel's exports are read as they come: UTF-8 with or without BOM, or cp1251; ";" or ","
 * between fields; quoted fields. Variants are assigned in file order: each student gets the variant of their id
 * ({@link Variants#numberForId}) unless a classmate above already has it, then the next free one — so appending
 * students never changes anyone's variant, and in a class of up to {@link Variants#COUNT} no two share one.
 */
public final class Roster {

    /** One student. {@code line} is the line in the CSV file. */
    public record Entry(int line, String id, String name, String group, String email, StudentVariant variant) {

        public String emailLocalPart() {
            int at = email.indexOf('@');
            return at > 0 ? email.substring(0, at) : "";
        }
    }

    private final List<Entry> entries;
    private final List<String> warnings;

    private Roster(List<Entry> entries, List<String> warnings) {
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** E.g. students sharing a variant because the class is larger than the number of variants. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The student whose submission folder this is: the folder is named by the student's id, or by the local part
     * of their e-mail (ivanov for ivanov@mpgu.su, as GitHub Classroom and LMS exports often name them).
     */
    public Optional<Entry> forFolder(String folder) {
        String f = Variants.normalizeId(folder);
        for (Entry e : entries) {
            if (Variants.normalizeId(e.id()).equals(f)) {
                return Optional.of(e);
            }
        }
        return entries.stream().filter(e -> !e.emailLocalPart().isEmpty()
                && Variants.normalizeId(e.emailLocalPart()).equals(f)).findFirst();
    }

    public static Roster read(Path file) throws IOException {
        return parse(decode(Files.readAllBytes(file)));
    }

    /** UTF-8 (BOM stripped) when the bytes are valid UTF-8, else Windows-1251 (Excel's «CSV» on a Russian Windows). */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("windows-1251"));
        }
    }

    public static Roster parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        char sep = separator(raw);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            rows.add(fields(raw[i], sep));
            lines.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("список группы пуст");
        }
        int[] cols = {0, 1, 2, 3};
        int first = 0;
        if (isHeader(rows.get(0))) {
            cols = columns(rows.get(0));
            first = 1;
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean[] taken = new boolean[Variants.COUNT + 1];
        int used = 0;
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = lines.get(r);
            String id = cell(row, cols[0]);
            if (id.isEmpty()) {
                problems.add("строка " + line + ": нет id студента");
                continue;
            }
            String key = Variants.normalizeId(id);
            if (seen.containsKey(key)) {
                problems.add("строка " + line + ": id «" + id + "» уже есть в строке " + seen.get(key));
                continue;
            }
            seen.put(key, line);
            int n = Variants.numberForId(id);
            if (used < Variants.COUNT) {
                while (taken[n]) {
                    n = n % Variants.COUNT + 1;
                }
            } else {
                warnings.add("строка " + line + ": в группе больше " + Variants.COUNT + " студентов, у «" + id
                        + "» вариант V" + String.format(Locale.ROOT, "%02d", n) + " совпадает с чьим-то ещё");
            }
            taken[n] = true;
            used++;
            entries.add(new Entry(line, id, cell(row, cols[1]), cell(row, cols[2]), cell(row, cols[3]),
                    new StudentVariant(id, Variants.codeFor(id, n), n)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("в списке группы ошибки: " + String.join("; ", problems));
        }
        return new Roster(entries, warnings);
    }

    private static char separator(String[] lines) {
        for (String l : lines) {
            if (!l.isBlank()) {
                return count(l, ';') >= count(l, ',') && count(l, ';') > 0 ? ';' : count(l, '\t') > count(l, ',') ? '\t' : ',';
            }
        }
        return ',';
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /** One CSV line; double quotes around a field, "" inside it. */
    static List<String> fields(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    private static String cell(List<String> row, int col) {
        return col >= 0 && col < row.size() ? row.get(col).strip() : "";
    }

    private static boolean isHeader(List<String> row) {
        return row.stream().anyMatch(c -> kind(c) >= 0);
    }

    /** id / ФИО / группа / e-mail, or -1. */
    private static int kind(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT).replace("ё", "е");
        if (h.equals("id") || h.startsWith("номер") || h.equals("№ зачетки") || h.contains("зачетн") || h.equals("логин") || h.equals("login")) {
            return 0;
        }
        if (h.equals("фио") || h.startsWith("ф.и.о") || h.equals("name") || h.equals("студент") || h.equals("имя")) {
            return 1;
        }
        if (h.startsWith("групп") || h.equals("group")) {
            return 2;
        }
        if (h.replace("-", "").equals("email") || h.contains("почта") || h.equals("mail")) {
            return 3;
        }
        return -1;
    }

    private static int[] columns(List<String> header) {
        int[] cols = {-1, -1, -1, -1};
        for (int i = 0; i < header.size(); i++) {
            int k = kind(header.get(i));
            if (k >= 0 && cols[k] < 0) {
                cols[k] = i;
            }
        }
        if (cols[0] < 0) {
            throw new IllegalArgumentException("в заголовке списка группы нет столбца id (ожидаются id, ФИО, группа, e-mail), а есть: "
                    + String.join(", ", header));
        }
        return cols;
    }
}
