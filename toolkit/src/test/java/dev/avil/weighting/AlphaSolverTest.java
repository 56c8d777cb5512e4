package dev.avil.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The α solver on objectives whose minimiser is known. */
class AlphaSolverTest {
  /** f(α) = ½ (α − m)ᵀ A (α − m) + 0.3, with A symmetric positive definite. */
  private static final double[][] A = {{2.0, 0.6, 0.0}, {0.6, 1.0, -0.3}, {0.0, -0.3, 0.5}};

  private static Function<double[], AlphaObjective.Value> quadratic(double[] m) {
    return alpha -> {
      double[] d = new double[3];
      for (int i = 0; i < 3; i++) {
        d[i] = alpha[i] - m[i];
      }
      double[] g = new double[3];
      double f = 0.3;
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          g[i] += A[i][j] * d[j];
        }
        f += 0.5 * d[i] * g[i];
      }
      return new AlphaObjective.Value(f, g);
    };
  }

  private static final double[] ONES = {1, 1, 1};

  @Test
  void bfgsFindsTheMinimiserOfAQuadratic() {
    double[] m = {0.3, 2.6, -0.4};
    AlphaSolver.Solution s =
        AlphaSolver.solve(quadratic(m), ONES, AlphaVilOptions.defaults().solver());
    assertThat(s.alpha()).containsExactly(m, within(1e-4));
    assertThat(s.loss()).isCloseTo(0.3, within(1e-8));
    assertThat(s.lossAtOne()).isGreaterThan(s.loss());
    assertThat(s.evaluations()).isLessThan(40);
  }

  @Test
  void bfgsFindsTheMinimiserOfAFlatQuadraticToo() {
    // deltas of small steps (AdamW's) make the tuning loss flat in α: gradients of 1e-5 on a loss
    // of 0.5, where a first step of the gradient's length gains less than the stopping rule asks
    double[] m = {0.3, 2.6, -0.4};
    Function<double[], AlphaObjective.Value> steep = quadratic(m);
    Function<double[], AlphaObjective.Value> flat =
        alpha -> {
          AlphaObjective.Value v = steep.apply(alpha);
          double[] g = v.gradient().clone();
          for (int i = 0; i < g.length; i++) {
            g[i] *= 1e-5;
          }
          return new AlphaObjective.Value(0.5 + 1e-5 * (v.loss() - 0.3), g);
        };
    AlphaSolver.Solution s = AlphaSolver.solve(flat, ONES, AlphaVilOptions.defaults().solver());
    // it stops when a step gains less than 1e-7 of the loss: here within a few hundredths of m
    assertThat(s.alpha()).containsExactly(m, within(0.05));
  }

  @Test
  void tenAdamStepsMoveEachAlphaByAtMostHalfWhateverTheGradient() {
    // the paper's recipe: α's size carries no information, only its sign
    double[] m = {0.3, 2.6, -0.4};
    AlphaSolver.Solution s =
        AlphaSolver.solve(quadratic(m), ONES, AlphaVilOptions.paper().solver());
    for (int i = 0; i < 3; i++) {
      assertThat(Math.abs(s.alpha()[i] - 1)).isLessThanOrEqualTo(0.5 + 1e-9);
    }
    assertThat(s.loss()).isGreaterThan(0.5); // far from the minimum of 0.3
  }

  @Test
  void whenNoAlphaBeatsOneEveryOptimiserReturnsOne() {
    for (AlphaVilOptions o :
        new AlphaVilOptions[] {
          AlphaVilOptions.defaults(),
          AlphaVilOptions.paper(),
          AlphaVilOptions.paper()
              .alphaOptimizer(AlphaVilOptions.AlphaOptimizer.SGD)
              .alphaLearningRate(3)
        }) {
      AlphaSolver.Solution s = AlphaSolver.solve(quadratic(ONES), ONES, o.solver());
      assertThat(s.alpha()).as(o.toString()).containsExactly(ONES);
      assertThat(s.loss()).isEqualTo(s.lossAtOne());
    }
  }

  @Test
  void neverReturnsAnAlphaWorseThanOneEvenWhenTheStepsOvershoot() {
    // SGD with a learning rate far too large diverges: its iterates are all worse than α = 1
    double[] m = {1.2, 0.9, 1.1};
    AlphaVilOptions wild =
        AlphaVilOptions.paper()
            .alphaOptimizer(AlphaVilOptions.AlphaOptimizer.SGD)
            .alphaLearningRate(50);
    AlphaSolver.Solution s = AlphaSolver.solve(quadratic(m), ONES, wild.solver());
    assertThat(s.loss()).isLessThanOrEqualTo(s.lossAtOne());
    assertThat(s.alpha()).containsExactly(ONES);
  }

  @Test
  void nonFiniteLossesAreSkippedAndCountedOrFailAsAsked() {
    double[] m = {3, 3, 3};
    Function<double[], AlphaObjective.Value> q = quadratic(m);
    Function<double[], AlphaObjective.Value> cliff =
        a -> a[0] > 1.5 ? new AlphaObjective.Value(Double.NaN, new double[3]) : q.apply(a);
    AlphaSolver.Solution s = AlphaSolver.solve(cliff, ONES, AlphaVilOptions.defaults().solver());
    assertThat(s.skipped()).isPositive();
    assertThat(s.alpha()[0]).isLessThanOrEqualTo(1.5);
    assertThat(s.loss()).isLessThan(s.lossAtOne());
    AlphaVilOptions strict =
        AlphaVilOptions.defaults().onNonFinite(AlphaVilOptions.OnNonFinite.FAIL);
    assertThatThrownBy(() -> AlphaSolver.solve(cliff, ONES, strict.solver()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NaN")
        .hasMessageContaining("onNonFinite(SKIP)");
  }
}
