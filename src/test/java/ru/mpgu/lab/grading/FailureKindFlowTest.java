package ru.mpgu.lab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.mpgu.lab.facts.StackFacts;
import ru.mpgu.lab.rubric.CheckOutcome;
import ru.mpgu.lab.rubric.CheckStatus;
import ru.mpgu.lab.rubric.FailureKind;
import ru.mpgu.lab.stack.StackException;

/** A stack failure's kind travels from the exception to the outcome, its report entry and the stack facts. */
class FailureKindFlowTest {

    @Test
    void aStackFailureKeepsItsKindInTheOutcome() {
        for (FailureKind kind : new FailureKind[] {FailureKind.POLICY_REFUSED, FailureKind.COMPOSE_INVALID,
                FailureKind.STACK_DID_NOT_BOOT}) {
            CheckOutcome o = GradingExtension.outcomeOf("launch.stack_boots", Optional.of(new StackException(kind, "любой текст")));
            assertThat(o.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(o.kind()).isEqualTo(kind);
        }
        CheckOutcome infra = GradingExtension.outcomeOf("launch.stack_boots",
                Optional.of(new StackException(FailureKind.INFRASTRUCTURE, "Docker не отвечает")));
        assertThat(infra.status()).isEqualTo(CheckStatus.INFRA_ERROR);
        assertThat(infra.kind()).isEqualTo(FailureKind.INFRASTRUCTURE);
    }

    @Test
    void aKindAgreesWithItsStatus() {
        assertThat(new CheckOutcome("x", CheckStatus.PASSED, 1, "", null, FailureKind.POLICY_REFUSED).kind())
                .isEqualTo(FailureKind.NONE);
        assertThat(new CheckOutcome("x", CheckStatus.FAILED, 0, "", null, FailureKind.INFRASTRUCTURE).kind())
                .isEqualTo(FailureKind.CHECK_FAILED);
        assertThat(CheckOutcome.failed("x", "нет").kind()).isEqualTo(FailureKind.CHECK_FAILED);
        assertThat(CheckOutcome.notRun("x", "нет").kind()).isEqualTo(FailureKind.NOT_RUN);
        assertThat(CheckOutcome.failed("x", FailureKind.POLICY_REFUSED, "нет").withDetails(java.util.List.of("д")).kind())
                .isEqualTo(FailureKind.POLICY_REFUSED);
    }

    @Test
    void theKindSurvivesTheReportEntryAndTheStackFacts(@TempDir Path tmp) throws Exception {
        CheckOutcome refused = CheckOutcome.failed("launch.stack_boots", FailureKind.POLICY_REFUSED, "отказ");
        assertThat(RunEvents.outcome(RunEvents.outcome(refused)).orElseThrow().kind()).isEqualTo(FailureKind.POLICY_REFUSED);

        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services: {}\n");
        Path file = StackFacts.measured(repo, null, Instant.parse("2026-12-01T21:30:00Z"),
                Map.of(refused.checkId(), refused), Map.of(), Map.of()).write(tmp.resolve("facts.json"));
        assertThat(StackFacts.read(file).outcome("launch.stack_boots").orElseThrow().kind()).isEqualTo(FailureKind.POLICY_REFUSED);

        // facts written before kinds existed: no "kind" field, the status decides
        ObjectMapper json = new ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("outcomes").path("launch.stack_boots")).remove("kind");
        Files.writeString(file, json.writeValueAsString(tree));
        assertThat(StackFacts.read(file).outcome("launch.stack_boots").orElseThrow().kind()).isEqualTo(FailureKind.CHECK_FAILED);
    }
}
