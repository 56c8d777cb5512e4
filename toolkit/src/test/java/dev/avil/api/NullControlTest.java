package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.avil.results.Metric;
import org.junit.jupiter.api.Test;

/**
 * The null control, single-task with the target's loss weight nudged by one part in ten thousand:
 * it starts as single-task does and differs from it only in the last bits, then drifts apart.
 */
class NullControlTest {
  @Test
  void aNudgedSingleTaskRunDiffersFromSingleTaskOnlyInTheLastBits() {
    Method nudged = Method.singleTask(s -> s.nudge(1e-4));
    assertThat(nudged.name()).isEqualTo("single-task(nudge=1.0E-4)");
    assertThat(Methods.parse(nudged.name()).settings()).isEqualTo(nudged.settings());
    Comparison c = TinyComparison.run("noise", 3, Method.singleTask(), nudged);
    for (long seed : new long[] {1, 2}) {
      Results plain = c.runs("single-task").get((int) seed - 1);
      Results other = c.runs(nudged.name()).get((int) seed - 1);
      double[] a = new double[3];
      double[] b = new double[3];
      for (int e = 1; e <= 3; e++) {
        a[e - 1] = plain.value(e, "target", Metric.TRAIN_LOSS);
        b[e - 1] = other.value(e, "target", Metric.TRAIN_LOSS);
        assertThat(b[e - 1]).as("seed %d: the same method", seed).isCloseTo(a[e - 1], within(1e-4));
      }
      assertThat(b).as("seed %d: not the same run", seed).isNotEqualTo(a);
    }
  }

  @Test
  void aNudgeOutsideItsRangeIsRefusedByName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Method.singleTask(s -> s.nudge(0.01)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single-task nudge 0.01 must be in [0, 0.001]");
  }
}
