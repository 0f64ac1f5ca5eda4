package ru.mpgu.lab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Task 4 waits for nginx to re-resolve `web` only for what is left of the settle time since the replicas started. */
class DnsSettleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T07:00:00Z");

    @Test
    void withoutScalingTheWholeSettleTimeIsWaited() {
        assertThat(ScalingChecks.dnsSettleLeft(Optional.empty(), NOW)).isEqualTo(ScalingChecks.DNS_SETTLE);
    }

    @Test
    void replicasStartedMomentsAgoWaitTheRest() {
        assertThat(ScalingChecks.dnsSettleLeft(Optional.of(NOW.minusSeconds(2)), NOW))
                .isEqualTo(ScalingChecks.DNS_SETTLE.minusSeconds(2));
    }

    @Test
    void replicasThatTookLongerToTurnHealthyWaitNothing() {
        assertThat(ScalingChecks.dnsSettleLeft(Optional.of(NOW.minusSeconds(14)), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aStartInTheFutureNeverWaitsMoreThanTheSettleTime() {
        assertThat(ScalingChecks.dnsSettleLeft(Optional.of(NOW.plusSeconds(30)), NOW)).isEqualTo(ScalingChecks.DNS_SETTLE);
    }
}
