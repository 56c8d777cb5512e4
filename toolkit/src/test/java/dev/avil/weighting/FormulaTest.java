package dev.avil.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.avil.testing.Vectors;
import dev.avil.train.ParamVector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each method's formula on numbers worked out by hand. */
class FormulaTest {
  @RegisterExtension static final Vectors VECTORS = new Vectors();

  private static ParamVector v(double... x) {
    return VECTORS.of(x);
  }

  @Test
  void dwaWeightsFromALossHistory() {
    // r = (0.5/1, 2/2) = (0.5, 1); r/T = (0.25, 0.5); softmax = (e^.25, e^.5)/(e^.25 + e^.5)
    // = (1.28403, 1.64872)/2.93275 = (0.437824, 0.562176); times K = 2.
    double[] w = Dwa.weights(new double[] {1.0, 2.0}, new double[] {0.5, 2.0}, 2, 2);
    assertThat(w).containsExactly(new double[] {0.875648, 1.124352}, within(1e-5));
    assertThat(Dwa.weights(null, new double[] {1, 1}, 2, 2)).containsExactly(1, 1);
  }

  @Test
  void uncertaintyWeightingGradientOfTheLogVariance() {
    // d/ds [exp(-s) L + s] = 1 - exp(-s) L
    assertThat(UncertaintyWeighting.gradient(0, 2)).isCloseTo(-1, within(1e-12));
    assertThat(UncertaintyWeighting.gradient(Math.log(2), 1)).isCloseTo(0.5, within(1e-12));
    double s = 0.3;
    double l = 1.7;
    double h = 1e-6;
    double numeric =
        ((Math.exp(-(s + h)) * l + s + h) - (Math.exp(-(s - h)) * l + s - h)) / (2 * h);
    assertThat(UncertaintyWeighting.gradient(s, l)).isCloseTo(numeric, within(1e-8));
  }

  @Test
  void gcsGatesOnTheCosineWithTheTargetsGradient() {
    // target (1, 0); aux1 (1, 1): cos = 1/√2; aux2 (-1, 0.5): cos < 0.
    try (ParamVector t = v(1, 0);
        ParamVector a1 = v(1, 1);
        ParamVector a2 = v(-1, 0.5)) {
      double[] gated = Gcs.coefficients(List.of(t, a1, a2), Gcs.Form.GATED);
      double[] weighted = Gcs.coefficients(List.of(t, a1, a2), Gcs.Form.WEIGHTED);
      assertThat(gated).containsExactly(1, 1, 0);
      assertThat(weighted).containsExactly(new double[] {1, Math.sqrt(0.5), 0}, within(1e-12));
    }
  }

  @Test
  void olAuxUpdatesEachWeightByTheInnerProductWithTheTargetsGradient() {
    // <(1,2), (3,-1)> = 1; <(1,2), (-2,0)> = -2; beta 0.5: w1 = 1 + 0.5, w2 = max(0, 1 - 1) = 0
    try (ParamVector t = v(1, 2);
        ParamVector a1 = v(3, -1);
        ParamVector a2 = v(-2, 0)) {
      double[] acc = new double[3];
      OlAux.accumulate(acc, List.of(t, a1, a2));
      assertThat(acc).containsExactly(new double[] {0, 1, -2}, within(1e-12));
      // rate 0.5: 1 + 0.5·1 = 1.5, 1 + 0.5·(−2) = 0; rate 0.025 (β 0.5 × η 0.05): 1.025, 0.95
      assertThat(OlAux.update(new double[] {1, 1, 1}, acc, 0.5, 2))
          .containsExactly(new double[] {1, 1.5, 0}, within(1e-12));
      assertThat(OlAux.update(new double[] {1, 1, 1}, acc, 0.025, 2))
          .containsExactly(new double[] {1, 1.025, 0.95}, within(1e-12));
      // the bounds: 1 + 3·1 = 4 is held at 2, 1 + 3·(−2) = −5 at 0
      assertThat(OlAux.update(new double[] {1, 1, 1}, acc, 3, 2))
          .containsExactly(new double[] {1, 2, 0}, within(1e-12));
    }
  }

  @Test
  void forkMergePicksTheBetterBranchAndTheBestMixture() {
    // dev loss linear in λ: branch 0 costs 1, branch 1 costs 2 -> all weight on branch 0
    assertThat(ForkMerge.bestMerge(2, 0.1, l -> l[0] * 1 + l[1] * 2))
        .containsExactly(new double[] {1, 0}, within(1e-12));
    assertThat(ForkMerge.bestMerge(2, 0.1, l -> l[0] * 3 + l[1] * 2))
        .containsExactly(new double[] {0, 1}, within(1e-12));
    // a quadratic with its minimum inside the simplex, at λ = (0.2, 0.5, 0.3)
    double[] best =
        ForkMerge.bestMerge(3, 0.1, l -> Math.pow(l[0] - 0.2, 2) + Math.pow(l[1] - 0.5, 2));
    assertThat(best).containsExactly(new double[] {0.2, 0.5, 0.3}, within(1e-9));
    // non-finite losses never win
    assertThat(ForkMerge.bestMerge(2, 0.5, l -> l[0] > 0 ? Double.NaN : 1)).containsExactly(0, 1);
  }
}
