package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.avil.results.Metric;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import dev.avil.weighting.AutoLambda;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The methods that combine per-task gradients (PCGrad, MGDA and MGDA-UB, CAGrad, PriPCGrad, ARML,
 * GradNorm, Nash-MTL), FAMO, which evaluates each batch again after its step, and Auto-λ and
 * META-TARTAN, which look at the model elsewhere first, through the one engine, on the known-answer
 * problem: a copy of the target and random labels beside it.
 */
@Tag("slow")
class PerTaskGradientMethodsTest {
  private static final Task FULL = Synthetic.blobs("target", 600, 8, 4, 1.0, 11);
  private static final List<Method> LOOKAHEAD =
      List.of(
          Method.autoLambda(),
          Method.autoLambda(a -> a.hessianVector(AutoLambda.HessianVector.EXACT)),
          Method.autoLambda(a -> a.outer(AutoLambda.Outer.TUNING)),
          Method.metaTartan());
  private static final List<Method> METHODS =
      List.of(
          Method.pcGrad(),
          Method.mgda(),
          Method.mgda(m -> m.upperBound(true)),
          Method.caGrad(),
          Method.priPcGrad(),
          Method.arml(),
          Method.gradNorm(),
          Method.nashMtl(),
          Method.famo(),
          LOOKAHEAD.get(0),
          LOOKAHEAD.get(1),
          LOOKAHEAD.get(2),
          LOOKAHEAD.get(3));

  private static Experiment small() {
    return Synthetic.copyAndNoise(FULL, 100).epochs(2);
  }

  /**
   * Over three seeds the target improves over its start: its test accuracy leaves chance and its
   * training loss falls (MGDA learns slowest: its λ on the target is small).
   */
  @Test
  void theTargetLearnsInEverySeed() {
    for (Method m : METHODS) {
      for (long seed = 1; seed <= 3; seed++) {
        Results r = small().seed(seed).method(m).run();
        double chance = Double.parseDouble(r.config().get("selectionChance"));
        assertThat(r.testAtBest())
            .as("%s seed %d: test accuracy against chance %.2f", m.name(), seed, chance)
            .isGreaterThan(chance + 0.1);
        assertThat(r.value(2, "target", Metric.TRAIN_LOSS))
            .as("%s seed %d: the target's training loss falls", m.name(), seed)
            .isLessThan(r.value(1, "target", Metric.TRAIN_LOSS));
      }
    }
  }

  @Test
  void eachEpochRecordsItsTargetStepsSkippedStepsAndWeights(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    // a batch of every task at each step, as many examples as the three tasks have together
    double steps = Math.ceil((100 + 2.0 * FULL.train().size()) / 48);
    for (Method m : METHODS) {
      Results r = small().epochs(1).method(m).run();
      double skipped = r.value(1, "*", Metric.SKIPPED_STEPS);
      assertThat(skipped).as(m.name()).isGreaterThanOrEqualTo(0);
      assertThat(r.value(1, "*", Metric.TARGET_STEPS) + skipped).as(m.name()).isEqualTo(steps);
      assertThat(r.config()).containsEntry("role", m.role().id());
    }
    Results mgda = small().method(Method.mgda()).run();
    double sum = 0;
    for (String task : List.of("target", "copy", "noise")) {
      assertThat(mgda.value(2, task, Metric.WEIGHT)).as(task).isBetween(0.0, 1.0);
      sum += mgda.value(2, task, Metric.WEIGHT);
    }
    assertThat(sum).as("MGDA's λ lie on the simplex").isCloseTo(1, within(1e-9));
    assertThat(mgda.judgement().stringColumn("verdict").asList()).doesNotContain("not judged");
    assertThat(mgda.config())
        .containsEntry("method.normalization", "loss-plus")
        .containsEntry("method.upperBound", "false");
    mgda.save(dir);
    assertThat(Results.read(dir)).as("skipped_steps read back with the rest").isEqualTo(mgda);
    Results cagrad = small().method(Method.caGrad(c -> c.calpha(0.5))).run();
    assertThat(cagrad.method()).isEqualTo("cagrad(calpha=0.5)");
    assertThat(cagrad.value(2, "noise", Metric.WEIGHT)).isEqualTo(1);
    assertThat(cagrad.judgement().stringColumn("verdict").asList()).containsOnly("not judged");
  }

  /** FAMO's weights sum to 1 at every step, so their epoch means do too. */
  @Test
  void famosWeightsSumToOne() {
    Results r = small().method(Method.famo()).run();
    for (int e = 1; e <= 2; e++) {
      double sum = 0;
      for (String task : r.tasks()) {
        sum += r.value(e, task, Metric.WEIGHT);
      }
      assertThat(sum).as("epoch %d", e).isCloseTo(1, within(1e-9));
    }
    assertThat(r.value(2, "noise", Metric.WEIGHT))
        .as("the random labels' loss barely falls, so FAMO raises their weight")
        .isGreaterThan(r.value(1, "noise", Metric.WEIGHT));
  }

  /**
   * ARML fits the auxiliary gradients to the target's, so the random labels' weight, whose gradient
   * does not correlate with the target's, falls from its start of 1 epoch after epoch. (It does not
   * fall below the copy's here: the copy's own head makes its trunk gradient correlate little with
   * the target's, and it is the longer one, so the fit drives the copy's weight down faster.)
   */
  @Test
  void armlLowersTheRandomLabelsWeightInEverySeed() {
    for (long seed = 1; seed <= 3; seed++) {
      Results r = small().seed(seed).method(Method.arml()).run();
      assertThat(r.value(1, "noise", Metric.WEIGHT)).as("seed %d", seed).isLessThan(1);
      assertThat(r.value(2, "noise", Metric.WEIGHT))
          .as("seed %d", seed)
          .isLessThan(r.value(1, "noise", Metric.WEIGHT));
    }
  }

  /**
   * Auto-λ and META-TARTAN give the random labels less weight than the copy of the target after
   * three epochs: in every seed with their defaults, on the mean of three seeds for Auto-λ's
   * variants.
   */
  @Test
  void theLookaheadMethodsWeighTheRandomLabelsBelowTheCopy() {
    for (Method m : LOOKAHEAD) {
      double margin = 0;
      for (long seed = 1; seed <= 3; seed++) {
        Results r = small().epochs(3).seed(seed).method(m).run();
        double copy = r.value(3, "copy", Metric.WEIGHT);
        double noise = r.value(3, "noise", Metric.WEIGHT);
        if (!m.name().contains("(")) {
          assertThat(noise).as("%s seed %d: the random labels", m.name(), seed).isLessThan(copy);
        }
        margin += copy - noise;
      }
      assertThat(margin).as("%s: the copy's weight over the random labels'", m.name()).isPositive();
    }
  }
}
