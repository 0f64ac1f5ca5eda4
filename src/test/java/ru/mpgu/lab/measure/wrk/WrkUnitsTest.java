package ru.mpgu.lab.measure.wrk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkUnitsTest {

    @Test
    void formatsTimeLikeWrk() {
        assertThat(WrkUnits.formatTimeUs(635.91)).isEqualTo("635.91us");
        assertThat(WrkUnits.formatTimeUs(849)).isEqualTo("849.00us");
        assertThat(WrkUnits.formatTimeUs(850)).isEqualTo("0.85ms");
        assertThat(WrkUnits.formatTimeUs(27_760)).isEqualTo("27.76ms");
        assertThat(WrkUnits.formatTimeUs(2_000_000)).isEqualTo("2.00s");
        assertThat(WrkUnits.formatTimeUs(60_000_000)).isEqualTo("1.00m");
        assertThat(WrkUnits.formatTimeUs(7_200_000_000.0)).isEqualTo("120.00m");
        assertThat(WrkUnits.formatTimeS(20)).isEqualTo("20s");
        assertThat(WrkUnits.formatTimeS(60)).isEqualTo("1m");
    }

    @Test
    void formatsMetricAndBinaryLikeWrk() {
        assertThat(WrkUnits.formatMetric(667.08)).isEqualTo("667.08");
        assertThat(WrkUnits.formatMetric(1280)).isEqualTo("1.28k");
        assertThat(WrkUnits.formatMetric(2_500_000)).isEqualTo("2.50M");
        assertThat(WrkUnits.formatBinary(0)).isEqualTo("0.00");
        assertThat(WrkUnits.formatBinary(870)).isEqualTo("870.00");
        assertThat(WrkUnits.formatBinary(1024 * 511.33)).isEqualTo("511.33K");
    }

    @Test
    void roundsHalfEvenOnTheBinaryValueLikeGlibc() {
        assertThat(WrkUnits.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(WrkUnits.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(WrkUnits.fixed(Double.NaN, 2)).isEqualTo("-nan");
    }

    @Test
    void parsesUnits() {
        assertThat(WrkUnits.parseTimeUs("1.5h")).isEqualTo(5_400_000_000.0);
        assertThat(WrkUnits.parseTimeUs("3ms")).isEqualTo(3000.0);
        assertThat(WrkUnits.parseTimeUs("3 ms")).isNull();
        assertThat(WrkUnits.parseMetric("1.2M")).isEqualTo(1_200_000.0);
        assertThat(WrkUnits.parseMetric("1.2Q")).isNull();
        assertThat(WrkUnits.parseBytes("1.00GB")).isEqualTo(1024.0 * 1024 * 1024);
        assertThat(WrkUnits.parsePlain("-nan")).isNaN();
    }
}
