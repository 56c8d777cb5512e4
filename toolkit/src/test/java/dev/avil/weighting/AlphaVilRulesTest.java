package dev.avil.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.avil.weighting.AlphaVilOptions.Update;
import org.junit.jupiter.api.Test;

/** αVIL's weight-update rules and its evidence test, on numbers worked out by hand. */
class AlphaVilRulesTest {
  private static final boolean[] ALL = {true, true, true};

  /** Every task as large as the target: the neutral α is the rule's, whatever its size power. */
  private static final double[] SAME_SIZE = {1, 1, 1, 1};

  private static AlphaVilOptions rule(Update u) {
    return AlphaVilOptions.defaults().update(u);
  }

  @Test
  void additiveAddsAlphaMinusOneToEveryWeightAndClampsAtZero() {
    // w = (1, 0.4, 1), α = (1.3, 0.2, 1.6): (1 + .3, .4 − .8 → 0, 1 + .6)
    double[] w =
        AlphaVil.updatedWeights(
            new double[] {1, 0.4, 1},
            new double[] {1.3, 0.2, 1.6},
            ALL,
            AlphaVilOptions.paper().weights(),
            SAME_SIZE);
    assertThat(w).containsExactly(new double[] {1.3, 0, 1.6}, within(1e-12));
  }

  @Test
  void
      multiplicativeKeepsTheTargetAtOneAndMultipliesEachAuxiliaryWeightByItsAlphaWithinAFactorOfTwo() {
    // neutral 1, α = (3, 1.5, 0.2): (1, 2·1.5 = 3, 0.5·max(0.2, ½) = 0.25)
    AlphaVilOptions neutralOne =
        AlphaVilOptions.defaults().neutralAlpha(1).minWeight(0.05).maxWeight(4);
    double[] w =
        AlphaVil.updatedWeights(
            new double[] {1, 2, 0.5},
            new double[] {3, 1.5, 0.2},
            ALL,
            neutralOne.weights(),
            SAME_SIZE);
    assertThat(w).containsExactly(new double[] {1, 3, 0.25}, within(1e-12));
    // a negative α halves the weight, and no weight leaves [0.05, 4]
    w =
        AlphaVil.updatedWeights(
            new double[] {1, 3, 0.06},
            new double[] {0.5, 5, -1},
            ALL,
            neutralOne.weights(),
            SAME_SIZE);
    assertThat(w).containsExactly(new double[] {1, 4, 0.05}, within(1e-12));
  }

  @Test
  void neutralSizePowerOneReadsEachAlphaPerTargetSizedPass() {
    // passes (1, 6, 0.5): neutral 0.25 becomes 0.25/6 and 0.5; α = (1, 0.25/6, 0.25) keeps task 1
    // and halves task 2, while without the option the same αs keep task 1 and double nothing
    AlphaVilOptions o = AlphaVilOptions.defaults().neutralSizePower(1);
    double[] passes = {1, 6, 0.5};
    assertThat(AlphaVil.neutralAlpha(1, null, null, o.weights(), passes))
        .isCloseTo(0.25 / 6, within(1e-15));
    double[] alpha = {1, 0.25 / 6, 0.25};
    double[] w =
        AlphaVil.updatedWeights(new double[] {1, 0.5, 0.5}, alpha, ALL, o.weights(), passes);
    assertThat(w).containsExactly(new double[] {1, 0.5, 0.25}, within(1e-12));
    // a quarter of a six-times-longer pass is 1.5 target passes: the weight doubles
    w =
        AlphaVil.updatedWeights(
            new double[] {1, 0.5, 0.5}, new double[] {1, 0.25, 0.5}, ALL, o.weights(), passes);
    assertThat(w).containsExactly(new double[] {1, 1, 0.5}, within(1e-12));
    double[] plain =
        AlphaVil.updatedWeights(
            new double[] {1, 0.5, 0.5}, alpha, ALL, o.neutralSizePower(0).weights(), passes);
    assertThat(plain).containsExactly(new double[] {1, 0.25, 0.5}, within(1e-12));
    assertThatThrownBy(() -> o.neutralSizePower(-1))
        .hasMessageContaining("neutral size power -1.0 must be a finite number ≥ 0");
  }

  @Test
  void guardStepTakesTheTargetAloneWhereTheLimitedStepIsWorse() {
    // a tuning loss with its minimum far out at α_1 = 19 and a ridge at α_1 = 1, where the limit
    // puts the merged step: the solve never evaluates the limited α, the guard does
    java.util.function.ToDoubleFunction<double[]> ridge =
        a -> Math.pow(a[1] - 19, 2) / 400 + 5 * Math.exp(-Math.pow(a[1] - 1, 2)) + a[2] * a[2];
    double[] limited = {1, 1, 0.5};
    assertThat(AlphaVil.guarded(limited, ridge)).containsExactly(1, 0, 0);
    // where the limited step is lower it stands, and a solved target α is kept
    double[] fine = {0.8, 3, 0.5};
    assertThat(AlphaVil.guarded(fine, ridge)).isSameAs(fine);
    assertThat(AlphaVil.guarded(new double[] {0.8, 1, 0}, ridge)).containsExactly(0.8, 0, 0);
    assertThat(AlphaVilOptions.defaults().step().guardStep()).isTrue();
    assertThat(AlphaVilOptions.paper().step().guardStep()).isFalse();
    assertThat(AlphaVilOptions.defaults().guardStep(false).describe())
        .containsEntry("guardStep", "false");
  }

  @Test
  void multiplicativeMeasuresEachAlphaAgainstTheNeutralAlpha() {
    // neutral 0.25, α = (1, 0.25, 0.1, 0.75): (1, 1·1, 0.5·max(0.4, ½) = 0.25, 1·min(3, 2) = 2)
    AlphaVilOptions o =
        AlphaVilOptions.defaults().maxWeight(2); // neutral 0.25, weights in [0.05, 2]
    double[] w =
        AlphaVil.updatedWeights(
            new double[] {1, 1, 0.5, 1},
            new double[] {1, 0.25, 0.1, 0.75},
            new boolean[] {true, true, true, true},
            o.weights(),
            SAME_SIZE);
    assertThat(w).containsExactly(new double[] {1, 1, 0.25, 2}, within(1e-12));
    assertThatThrownBy(() -> o.neutralAlpha(0))
        .hasMessageContaining("neutral alpha 0.0 must be a finite number > 0");
    assertThatThrownBy(() -> o.stepLimit(-1)).hasMessageContaining("step limit -1.0 must be > 0");
  }

  @Test
  void multiplicativeMovesOnlyTheWeightsTheEvidenceSupports() {
    boolean[] onlyFirst = {false, true, false};
    double[] w = fromOnes(new double[] {1, 0.2, 0.1}, onlyFirst, AlphaVilOptions.defaults());
    // neutral 0.25: 1·0.2/0.25 = 0.8 for the task the evidence supports; the other stays
    assertThat(w).containsExactly(new double[] {1, 0.8, 1}, within(1e-12));
    w = fromOnes(new double[] {1, 0.3, 0.1}, onlyFirst, AlphaVilOptions.defaults());
    assertThat(w)
        .as("1·0.3/0.25 = 1.2, but by default no task weighs more than the target")
        .containsExactly(new double[] {1, 1, 1}, within(1e-12));
  }

  @Test
  void meanNormalisedRescalesThePositiveAlphasToMeanOne() {
    // max(α, 0) = (1.5, 0, 0.9), mean 0.8: (1.875, 0, 1.125)
    double[] w =
        fromOnes(
            new double[] {1.5, -0.3, 0.9},
            ALL,
            rule(Update.MEAN_NORMALISED).minWeight(0).maxWeight(Double.POSITIVE_INFINITY));
    assertThat(w).containsExactly(new double[] {1.875, 0, 1.125}, within(1e-12));
  }

  @Test
  void targetRelativeDividesByTheTargetsAlphaAndCapsAtTwo() {
    // α_target 0.5: (1, 0.6/0.5 = 1.2, 1.4/0.5 = 2.8 → 2)
    double[] w =
        fromOnes(
            new double[] {0.5, 0.6, 1.4},
            ALL,
            rule(Update.TARGET_RELATIVE).minWeight(0).maxWeight(2));
    assertThat(w).containsExactly(new double[] {1, 1.2, 2}, within(1e-12));
  }

  @Test
  void theNeutralAlphaLeavesEachRulesWeightAsItIs() {
    double[] w = {1, 0.5, 2};
    double[] alpha = {0.8, 1.4, 0.3};
    for (Update u : Update.values()) {
      for (int t = 0; t < 3; t++) {
        AlphaVilOptions o =
            rule(u).minWeight(0).maxWeight(10).neutralAlpha(u == Update.MULTIPLICATIVE ? 0.3 : 1);
        double n = AlphaVil.neutralAlpha(t, alpha, w, o.weights(), SAME_SIZE);
        if (Double.isNaN(n)) {
          assertThat(u).isIn(Update.MULTIPLICATIVE, Update.TARGET_RELATIVE);
          assertThat(t).isZero();
          continue;
        }
        double[] a = alpha.clone();
        a[t] = n;
        boolean[] only = new boolean[3];
        only[t] = true;
        double[] after = AlphaVil.updatedWeights(w, a, only, o.weights(), SAME_SIZE);
        if (u != Update.MEAN_NORMALISED) { // mean-normalised rescales every weight together
          assertThat(after[t]).as("%s task %d", u, t).isCloseTo(w[t], within(1e-12));
        }
      }
    }
  }

  @Test
  void theConstrainedMinimumHoldsTheConstraintAndLetsTheOthersAdapt() {
    // f = ½ (x − m)ᵀ H (x − m), H = [[2, 1], [1, 2]], m = (1, 2); hold x_1 = 0: x_0 = 1 + ½·2 = 2
    double[] x =
        Quadratic.constrainedMinimum(
            new double[][] {{2, 1}, {1, 2}}, new double[] {1, 2}, new double[] {0, 1}, 0);
    assertThat(x).containsExactly(new double[] {2, 0}, within(1e-9));
    // an indefinite estimate is shifted until it is positive definite, and the constraint holds
    x =
        Quadratic.constrainedMinimum(
            new double[][] {{1, 2}, {2, 1}}, new double[] {1, 2}, new double[] {0, 1}, 0);
    assertThat(x[1]).isCloseTo(0, within(1e-9));
    assertThat(x[0]).isFinite();
  }

  @Test
  void pairedZIsTheMeanGainInPairedStandardErrors() {
    // differences (0.1, 0.3, 0.2, 0.2): mean 0.2, sample sd sqrt(0.02/3), se = sd/2
    double[] worse = {1.1, 1.3, 1.2, 1.2};
    double[] better = {1, 1, 1, 1};
    double se = Math.sqrt(0.02 / 3) / 2;
    assertThat(Evidence.pairedZ(worse, better)).isCloseTo(0.2 / se, within(1e-9));
    assertThat(Evidence.pairedZ(better, worse)).isCloseTo(-0.2 / se, within(1e-9));
    assertThat(Evidence.pairedZ(new double[] {2, 2}, new double[] {1, 1})).isInfinite();
    assertThat(Evidence.pairedZ(better, better)).isZero();
  }

  /** The weights after one update of the rule in {@code o} from weights (1, 1, 1). */
  private static double[] fromOnes(double[] alpha, boolean[] moves, AlphaVilOptions o) {
    return AlphaVil.updatedWeights(new double[] {1, 1, 1}, alpha, moves, o.weights(), SAME_SIZE);
  }
}
