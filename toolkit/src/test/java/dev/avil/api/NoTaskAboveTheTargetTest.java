package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.results.Metric;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import org.junit.jupiter.api.Test;

/**
 * The mechanism behind the runs that fell far below single-task on the drawn settings: once the
 * target had left chance, the first solve could double every auxiliary weight at once, so the
 * merged step summed the target's own step with auxiliary steps at twice its weight, and training
 * was thrown back to chance. By default no auxiliary weight exceeds the target's, so an epoch's
 * summed loss weight never exceeds uniform multitask learning's.
 */
class NoTaskAboveTheTargetTest {
  private static final Task FULL = Synthetic.blobs("target", 1200, 8, 4, 1.0, 11);

  private static Experiment setting(long seed) {
    return Synthetic.copyAndNoise(FULL, 100).epochs(6).patience(0).seed(seed);
  }

  @Test
  void byDefaultNoAuxiliaryWeightExceedsTheTargetsInAnyEpoch() {
    for (long seed = 1; seed <= 3; seed++) {
      Results r = setting(seed).alphaVil().run();
      for (int e = 1; e <= r.epochs(); e++) {
        double sum = 0;
        for (String task : r.tasks()) {
          double w = r.value(e, task, Metric.WEIGHT);
          assertThat(w)
              .as("seed %d, epoch %d, %s", seed, e, task)
              .isLessThanOrEqualTo(r.value(e, "target", Metric.WEIGHT));
          sum += w;
        }
        assertThat(sum).as("seed %d, epoch %d: summed weight", seed, e).isLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void theEarlierBoundLetsTheCopyWeighTwiceTheTarget() {
    double most = 0;
    for (long seed = 1; seed <= 3; seed++) {
      Results r = setting(seed).alphaVil(a -> a.maxWeight(2).initialWeight(1)).run();
      for (int e = 1; e <= r.epochs(); e++) {
        most = Math.max(most, r.value(e, "copy", Metric.WEIGHT));
      }
    }
    assertThat(most).as("the copy's highest weight under maxWeight 2").isGreaterThan(1);
  }
}
