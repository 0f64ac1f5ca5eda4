package ru.mpgu.lab.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {

    private static final String CLASS = "ФИО;Группа;id;E-mail\n"
            + "Иванов Иван;ИВТ-21;2023001;ivanov@mpgu.su\n"
            + "\"Петрова; Анна\";ИВТ-21;2023002;petrova@mpgu.su\n";

    @Test
    void excelCp1251WithSemicolonsAndHeaderInAnyOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("group.csv");
        Files.write(f, CLASS.replace("\n", "\r\n").getBytes(Charset.forName("windows-1251")));
        Roster r = Roster.read(f);
        assertThat(r.entries()).extracting(Roster.Entry::name).containsExactly("Иванов Иван", "Петрова; Анна");
        assertThat(r.entries().get(0).id()).isEqualTo("2023001");
        assertThat(r.entries().get(0).variant().code()).isEqualTo("V01-NVRP");
    }

    @Test
    void utf8WithBomAndCommasWithoutHeader(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("group.csv");
        Files.write(f, ("\uFEFF2023001,Иванов Иван,ИВТ-21,ivanov@mpgu.su\n2023002,Петрова Анна,ИВТ-21,petrova@mpgu.su\n")
                .getBytes(StandardCharsets.UTF_8));
        Roster r = Roster.read(f);
        assertThat(r.entries()).hasSize(2);
        assertThat(r.entries().get(0).id()).isEqualTo("2023001");
        assertThat(r.forFolder("petrova")).get().extracting(Roster.Entry::id).isEqualTo("2023002");
        assertThat(r.forFolder("2023001")).get().extracting(Roster.Entry::name).isEqualTo("Иванов Иван");
        assertThat(r.forFolder("sidorov")).isEmpty();
    }

    @Test
    void aClassOfFortyHasFortyDifferentVariantsAndAppendingChangesNobody() {
        StringBuilder csv = new StringBuilder("id;ФИО\n");
        for (int i = 0; i < Variants.COUNT; i++) {
            csv.append("s").append(i).append(";Студент ").append(i).append('\n');
        }
        Roster r = Roster.parse(csv.toString());
        Set<Integer> numbers = r.entries().stream().map(e -> e.variant().number()).collect(Collectors.toCollection(HashSet::new));
        assertThat(numbers).hasSize(Variants.COUNT);
        assertThat(r.warnings()).isEmpty();
        Roster longer = Roster.parse(csv + "late;Опоздавший\n");
        List<String> before = r.entries().stream().map(e -> e.variant().code()).toList();
        assertThat(longer.entries().subList(0, Variants.COUNT)).extracting(e -> e.variant().code()).isEqualTo(before);
        assertThat(longer.warnings()).singleElement().asString().contains("больше 40");
    }

    @Test
    void duplicatesAndMissingIdsAreNamedByLine() {
        assertThatThrownBy(() -> Roster.parse("id;ФИО\na;А\n;Б\nA;В\n"))
                .hasMessageContaining("строка 3: нет id").hasMessageContaining("строка 4: id «A» уже есть в строке 2");
        assertThatThrownBy(() -> Roster.parse("ФИО;группа\nА;Б\n")).hasMessageContaining("нет столбца id");
    }
}
