package dev.avil.tools;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link PoolTimings} refuses a count it cannot take a median of. How long the poolings take is a
 * reading of the machine, under the tag {@code machine}.
 */
class PoolTimingsTest {
  @Test
  @Tag("machine")
  void timesEachPoolingOnOneThread() {
    PoolTimings.Times t = PoolTimings.onOneThread(3);
    for (double ms : new double[] {t.kernel(), t.kernelNoGradient(), t.slices()}) {
      assertThat(ms).isPositive().isLessThan(10_000);
    }
    // a backward pass comes on top of the same forward
    assertThat(t.kernel()).isGreaterThan(t.kernelNoGradient() * 0.5);
  }

  @Test
  void noRepeatsIsRefused() {
    assertRefused(() -> PoolTimings.onOneThread(0), "repeats 0 must be ≥ 1");
  }
}
