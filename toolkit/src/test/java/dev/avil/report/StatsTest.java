package dev.avil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

/** The t intervals against quantiles from a printed table. */
class StatsTest {
  @Test
  void theQuantilesAreStudentsTNotTheNormal() {
    // t(0.975, df) from a printed table, to three places
    double[][] printed = {
      {1, 12.706}, {2, 4.303}, {4, 2.776}, {9, 2.262}, {30, 2.042}, {60, 2.000}, {120, 1.980}
    };
    for (double[] p : printed) {
      int df = (int) p[0];
      assertThat(Stats.t975(df)).as("t(0.975, %d)", df).isCloseTo(p[1], within(5e-4));
    }
    // the normal's 1.96 is 4% too narrow at 30 degrees of freedom
    assertThat(Stats.t975(30) / 1.96).isGreaterThan(1.04);
  }

  @Test
  void theHalfWidthUsesTheExactQuantileAndTheSampleStd() {
    // (1, 3): mean 2, sd √2; half-width t(0.975, 1) · √2 / √2
    assertThat(Stats.HALF_WIDTH_95.summarize(DoubleColumn.create("v", 1, 3)))
        .isCloseTo(12.706, within(1e-3));
    // (1, 2, 3, 4, 5): sd √2.5; half-width t(0.975, 4) · √2.5 / √5 = 2.776 · 0.7071
    DoubleColumn five = DoubleColumn.create("v", 1, 2, 3, 4, 5);
    assertThat(Stats.STD.summarize(five)).isCloseTo(Math.sqrt(2.5), within(1e-12));
    assertThat(Stats.HALF_WIDTH_95.summarize(five)).isCloseTo(1.9630, within(1e-3));
    // missing values are left out; one value has no spread
    assertThat(Stats.HALF_WIDTH_95.summarize(DoubleColumn.create("v", 1, Double.NaN, 3)))
        .isCloseTo(12.706, within(1e-3));
    assertThat(Stats.STD.summarize(DoubleColumn.create("v", 1))).isNaN();
    assertThat(Stats.HALF_WIDTH_95.summarize(DoubleColumn.create("v", 1, Double.NaN))).isNaN();
  }

  @Test
  void signedValuesKeepTheirOrder() {
    assertThat(Stats.SIGNED_VALUES.summarize(DoubleColumn.create("v", 0.0123, -0.5, 0)))
        .isEqualTo("+0.012 -0.500 +0.000");
  }
}
