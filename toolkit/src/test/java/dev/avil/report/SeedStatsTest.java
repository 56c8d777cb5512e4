package dev.avil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Statistics over seeds on hand-worked numbers. */
class SeedStatsTest {
  /** Method a over seeds 1–4, the baseline b over seeds 1–3 (so seed 4 has no pair). */
  private static Table runs() {
    return Table.create(
        "runs",
        StringColumn.create("method", "a", "b", "a", "b", "a", "b", "a"),
        LongColumn.create("seed", 1, 1, 2, 2, 3, 3, 4),
        DoubleColumn.create("test acc", 0.80, 0.70, 0.82, 0.75, 0.90, 0.80, 0.50),
        DoubleColumn.create("test acc (last)", 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7),
        DoubleColumn.create("target steps", 100, 50, 200, 50, 300, 50, 400),
        DoubleColumn.create("epochs", 10, 5, 20, 5, 30, 5, 40),
        DoubleColumn.create("s/epoch", 1, 2, 1, 2, 1, 2, 1));
  }

  @Test
  void perMethodInTheOrderGivenWithMethodsWithoutRuns() {
    Table t = SeedStats.methods(runs(), List.of("b", "a", "c"));
    assertThat(t.stringColumn("method").asList()).containsExactly("b", "a", "c");
    assertThat(t.intColumn("runs").asList()).containsExactly(3, 4, 0);
    assertThat(t.doubleColumn("test acc mean").get(1)).isCloseTo(0.755, within(1e-12));
    // a: 0.80 0.82 0.90 0.50, mean 0.755; squares of deviations .002025+.004225+.021025+.065025
    assertThat(t.doubleColumn("test acc std").get(1))
        .isCloseTo(Math.sqrt(0.0923 / 3), within(1e-12));
    assertThat(t.doubleColumn("target steps").get(1)).isEqualTo(250);
    assertThat(t.doubleColumn("epochs").get(0)).isEqualTo(5);
    assertThat(t.doubleColumn("test acc mean").getDouble(2)).isNaN();
    assertThat(t.doubleColumn("test acc std").getDouble(2)).isNaN();
  }

  @Test
  void pairedDifferencesHaveTheirTInterval() {
    Table d = SeedStats.differences(runs(), List.of("b", "a", "c"), "b");
    assertThat(d.columnNames())
        .containsExactly(
            "method", "pairs", "Δ vs b", "Δ 95% low", "Δ 95% high", "worst Δ", "Δ per seed");
    // a − b on seeds 1–3: 0.10, 0.07, 0.10; mean 0.09, sd √0.0003, t(0.975, 2) = 4.303
    double half = 4.3027 * Math.sqrt(0.0003) / Math.sqrt(3);
    assertThat(d.intColumn("pairs").get(1)).isEqualTo(3);
    assertThat(d.doubleColumn("Δ vs b").get(1)).isCloseTo(0.09, within(1e-12));
    assertThat(d.doubleColumn("Δ 95% low").get(1)).isCloseTo(0.09 - half, within(1e-4));
    assertThat(d.doubleColumn("Δ 95% high").get(1)).isCloseTo(0.09 + half, within(1e-4));
    assertThat(d.stringColumn("Δ per seed").get(1)).isEqualTo("+0.100 +0.070 +0.100");
    // the worst seed of a: seed 2, 0.82 − 0.75 (seed 4, at 0.50, has no pair)
    assertThat(d.doubleColumn("worst Δ").get(1)).isCloseTo(0.07, within(1e-12));
    // the baseline against itself: three zeros, no spread
    assertThat(d.doubleColumn("Δ 95% low").get(0)).isZero();
    assertThat(d.intColumn("pairs").get(2)).isZero();
    assertThat(d.doubleColumn("Δ vs b").getDouble(2)).isNaN();
    assertThat(d.stringColumn("Δ per seed").get(2)).isEmpty();
  }
}
