package dev.avil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The t intervals against quantiles from a printed table. */
class StatsTest {
  @Test
  void theHalfWidthUsesTheExactStudentTQuantile() {
    // (1, 3): mean 2, sd √2; t(0.975, 1) = 12.706
    assertThat(Stats.halfWidth95(new double[] {1, 3})).isCloseTo(12.706 * Math.sqrt(2) / Math.sqrt(2), within(1e-3));
    // 61 values of sd 1 (alternating ±1 around 0, plus one 0): t(0.975, 60) = 2.000, not 1.96
    double[] v = new double[61];
    for (int i = 0; i < 60; i++) {
      v[i] = i % 2 == 0 ? 1 : -1;
    }
    double sd = Stats.std(v);
    assertThat(Stats.halfWidth95(v)).isCloseTo(2.000 * sd / Math.sqrt(61), within(1e-4));
    assertThat(Stats.halfWidth95(new double[] {1})).isNaN();
  }
}
