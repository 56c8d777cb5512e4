package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.results.Metric;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import dev.avil.weighting.AutoLambda;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The target-aware methods that look at the model away from where it stands, Auto-λ (a virtual
 * step) and META-TARTAN (a dev head), through the one engine on the known-answer problem: a copy of
 * the target and random labels beside it.
 */
@Tag("slow")
class LookaheadMethodsTest {
  private static final Task FULL = Synthetic.blobs("target", 600, 8, 4, 1.0, 11);
  private static final List<Method> METHODS =
      List.of(
          Method.autoLambda(),
          Method.autoLambda(a -> a.hessianVector(AutoLambda.HessianVector.EXACT)),
          Method.autoLambda(a -> a.outer(AutoLambda.Outer.TUNING)),
          Method.metaTartan());

  private static Experiment small() {
    return Synthetic.copyAndNoise(FULL, 100).epochs(3);
  }

  /**
   * Over three seeds the target leaves chance and its training loss falls, and the random labels
   * end with less weight than the copy of the target: in every seed for each method's defaults, on
   * the mean of the seeds for the variants.
   */
  @Test
  void theTargetLearnsAndTheRandomLabelsWeighLessThanTheCopy() {
    for (Method m : METHODS) {
      double margin = 0;
      for (long seed = 1; seed <= 3; seed++) {
        Results r = small().seed(seed).method(m).run();
        double chance = Double.parseDouble(r.config().get("selectionChance"));
        assertThat(r.testAtBest())
            .as("%s seed %d: test accuracy against chance %.2f", m.name(), seed, chance)
            .isGreaterThan(chance + 0.1);
        assertThat(r.value(3, "target", Metric.TRAIN_LOSS))
            .as("%s seed %d: the target's training loss falls", m.name(), seed)
            .isLessThan(r.value(1, "target", Metric.TRAIN_LOSS));
        double copy = r.value(3, "copy", Metric.WEIGHT);
        double noise = r.value(3, "noise", Metric.WEIGHT);
        System.out.printf(
            "%s seed %d: test %.3f, weights target %.3f copy %.3f noise %.3f%n",
            m.name(), seed, r.testAtBest(), r.value(3, "target", Metric.WEIGHT), copy, noise);
        if (!m.name().contains("(")) {
          assertThat(noise).as("%s seed %d: the random labels", m.name(), seed).isLessThan(copy);
        }
        margin += copy - noise;
      }
      assertThat(margin).as("%s: the copy's weight over the random labels'", m.name()).isPositive();
    }
  }
}
