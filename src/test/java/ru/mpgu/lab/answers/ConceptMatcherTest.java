package ru.mpgu.lab.answers;

import org.junit.jupiter.api.Test;
import ru.mpgu.lab.rubric.Concept;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConceptMatcherTest {

    private final Concept db = new Concept("db", "база данных", List.of("база данных", "база", "бд", "postgres", "postgresql", "database"), 1);
    private final Concept neck = new Concept("neck", "узкое место", List.of("узкое место", "узкое горлышко", "bottleneck"), 1);
    private final Concept wait = new Concept("wait", "не ждут", List.of("не ждут", "очеред*"), 1);
    private final ConceptMatcher matcher = new ConceptMatcher(List.of(db, neck, wait));

    private ConceptMatch find(String text, String conceptId) {
        return matcher.match(text).stream().filter(m -> m.concept().id().equals(conceptId)).findFirst().orElseThrow();
    }

    @Test
    void stemsInflectedForms() {
        assertThat(find("Все упирается в базу данных", "db").evidence()).containsExactly("базу данных", "базу");
        assertThat(find("нагрузка на базе", "db").matched()).isTrue();
        assertThat(find("Базой данных пользуются все", "db").matched()).isTrue();
        assertThat(find("она стала узким местом", "neck").evidence()).containsExactly("узким местом");
        assertThat(find("это узкое горлышко системы", "neck").matched()).isTrue();
    }

    @Test
    void yoAndCaseAndAbbreviations() {
        assertThat(find("БД одна", "db").evidence()).containsExactly("БД");
        assertThat(find("Всё упирается в PostgreSQL", "db").evidence()).containsExactly("PostgreSQL");
        assertThat(find("Postgres один", "db").matched()).isTrue();
        assertThat(find("The DATABASE is the bottleneck", "neck").matched()).isTrue();
    }

    @Test
    void phraseAllowsSmallGapButNotAcrossClauses() {
        assertThat(find("узкое, как мне кажется, место", "neck").matched()).isFalse();
        assertThat(find("узкое для системы место", "neck").matched()).isTrue();
        assertThat(find("узкое очень очень очень место", "neck").matched()).isFalse();
    }

    @Test
    void prefixTerm() {
        assertThat(find("запросы стоят в очереди", "wait").evidence()).containsExactly("очереди");
        assertThat(find("запросы не ждут", "wait").evidence()).containsExactly("не ждут");
        assertThat(find("запросы не ждут", "wait").negated()).isEmpty();
    }

    @Test
    void negationInSameClauseIsNotCounted() {
        ConceptMatch m = find("база данных не является узким местом", "neck");
        assertThat(m.matched()).isFalse();
        assertThat(m.negated()).containsExactly("не является узким местом");
        assertThat(find("база данных не является узким местом", "db").matched()).isTrue();

        assertThat(find("БД не узкое место", "neck").negated()).containsExactly("не узкое место");
        assertThat(find("дело не в базе", "db").matched()).isFalse();
        assertThat(find("дело не в базе", "db").negated()).containsExactly("не в базе");
        assertThat(find("нет узкого места", "neck").negated()).containsExactly("нет узкого места");
        assertThat(find("the database is not the bottleneck", "neck").matched()).isFalse();
    }

    @Test
    void negationDoesNotLeakAcrossClausesOrSofteners() {
        assertThat(find("Это не помогает, потому что база данных одна", "db").matched()).isTrue();
        assertThat(find("Контейнеры не помогают: БД одна", "db").matched()).isTrue();
        assertThat(find("Проблема не только в сервере, но и в базе данных", "db").matched()).isTrue();
        assertThat(find("не только веб, но и база", "db").negated()).isEmpty();
        assertThat(find("Нет, база данных остаётся узким местом", "neck").matched()).isTrue();
        assertThat(find("не решает проблему, так как база одна", "db").negated()).isEmpty();
    }

    @Test
    void positiveAndNegatedMentionsAreBothReported() {
        ConceptMatch m = find("Nginx не узкое место. Узкое место - база данных", "neck");
        assertThat(m.matched()).isTrue();
        assertThat(m.negated()).containsExactly("не узкое место");
    }

    @Test
    void emptyAndNullText() {
        assertThat(matcher.match("")).allSatisfy(m -> assertThat(m.matched()).isFalse());
        assertThat(matcher.match(null)).hasSize(3).allSatisfy(m -> assertThat(m.matched()).isFalse());
    }
}
