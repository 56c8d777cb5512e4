package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.results.Metric;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import dev.avil.weighting.AlphaVilOptions.WhileAtChance;
import org.junit.jupiter.api.Test;

/**
 * While the target is at chance its tuning loss cannot tell a helpful task from a harmful one. The
 * mechanism behind the collapse of the earlier default: it solved αs and moved weights from the
 * first epoch, so a task that carries the target's own labels could be stepped against and weighted
 * down before the target had learned anything. With {@link WhileAtChance#ALONE} the target trains
 * alone until it has left chance, and no weight moves before.
 */
class WhileAtChanceTest {
  private static final Task FULL = Synthetic.blobs("target", 1200, 8, 4, 1.0, 11);

  /** A target that never counts as having left chance: the margin above chance is out of reach. */
  private static Experiment neverLearned() {
    return Synthetic.copyAndNoise(FULL, 100).epochs(4).patience(0).chanceMargin(0.9);
  }

  @Test
  void aloneTheAuxiliaryTasksNeitherTrainNorMoveUntilTheTargetHasLeftChance() {
    Results alone = neverLearned().alphaVil(a -> a.whileAtChance(WhileAtChance.ALONE)).run();
    Results single = neverLearned().method(Method.singleTask()).run();
    for (int e = 1; e <= 4; e++) {
      for (String aux : new String[] {"copy", "noise"}) {
        assertThat(alone.value(e, aux, Metric.WEIGHT)).as("epoch %d, %s", e, aux).isZero();
        assertThat(alone.value(e, aux, Metric.ALPHA)).as("epoch %d, %s's α", e, aux).isNaN();
        assertThat(alone.value(e, aux, Metric.TRAIN_LOSS)).isNaN();
      }
      assertThat(alone.value(e, "*", Metric.TARGET_STEPS))
          .isEqualTo(single.value(e, "*", Metric.TARGET_STEPS));
    }
  }

  @Test
  void solvingFromTheFirstEpochMovesWeightsBeforeTheTargetHasLearned() {
    Results solve = neverLearned().alphaVil(a -> a.whileAtChance(WhileAtChance.SOLVE)).run();
    boolean moved = false;
    for (int e = 1; e <= 4; e++) {
      moved |=
          solve.value(e, "copy", Metric.WEIGHT) != 1 || solve.value(e, "noise", Metric.WEIGHT) != 1;
    }
    assertThat(moved).as("a weight moved while the target was at chance").isTrue();
  }

  @Test
  void onceTheTargetHasLeftChanceTheAlphasAreSolved() {
    Results r =
        Synthetic.copyAndNoise(FULL, 100)
            .epochs(6)
            .patience(0)
            .alphaVil(a -> a.whileAtChance(WhileAtChance.ALONE))
            .run();
    int first = 0;
    for (int e = 1; e <= 6 && first == 0; e++) {
      first = Double.isNaN(r.value(e, "copy", Metric.ALPHA)) ? 0 : e;
    }
    assertThat(first).as("the first epoch with an α").isBetween(2, 6);
    assertThat(r.value(first - 1, "copy", Metric.WEIGHT)).isZero();
    assertThat(r.value(first, "copy", Metric.TRAIN_LOSS)).isNotNaN();
  }

  @Test
  void anAuxiliaryTaskEntersAtTheInitialWeightAndMovesByAtMostAFactorOfTwo() {
    for (double initial : new double[] {1, 0.2}) {
      Results r =
          Synthetic.copyAndNoise(FULL, 100)
              .epochs(6)
              .patience(0)
              .alphaVil(a -> a.initialWeight(initial))
              .run();
      int first = 0;
      for (int e = 1; e <= 6 && first == 0; e++) {
        first = Double.isNaN(r.value(e, "copy", Metric.ALPHA)) ? 0 : e;
      }
      assertThat(first).as("the first epoch with an α").isPositive();
      for (String aux : new String[] {"copy", "noise"}) {
        assertThat(r.value(first, aux, Metric.WEIGHT))
            .as("%s after its first pass, entering at %s", aux, initial)
            .isBetween(initial / 2, Math.min(1, initial * 2));
      }
    }
    assertThat(Method.alphaVil().options()).containsEntry("initialWeight", "0.25");
    assertThat(Method.alphaVil(a -> a.initialWeight(1)).name()).isEqualTo("avil(initialWeight=1)");
    assertThat(Method.alphaVilPaper().options())
        .as("the paper's recipe starts every weight at 1")
        .containsEntry("initialWeight", "1");
  }
}
