package dev.avil.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.avil.testing.Vectors;
import dev.avil.train.DevHeadFit;
import dev.avil.train.ParamVector;
import dev.avil.train.StepProbe;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Auto-λ's meta-gradient where the target's gradient after the virtual step is zero or not finite:
 * no NaN reaches λ, the step is skipped (null, which the strategy counts); elsewhere it is the
 * finite difference of the losses along that gradient.
 */
class AutoLambdaSkipTest {
  @RegisterExtension static final Vectors VECTORS = new Vectors();

  private static ParamVector vector(double... x) {
    return VECTORS.of(x);
  }

  /** A probe at θ = (1, 2, 3) whose losses are a quadratic of the parameters, one per task. */
  private static StepProbe probe(double[] targetGradient) {
    return new StepProbe() {
      @Override
      public ParamVector parameters() {
        return vector(1, 2, 3);
      }

      @Override
      public ParamVector sgdStep(double[] weights) {
        return vector(-0.1 * weights[0], -0.1 * weights[1], 0);
      }

      @Override
      public double[] losses(ParamVector at) {
        double[] p = at.toDoubleArray();
        return new double[] {p[0] * p[0] + p[2], 0.5 * p[1] * p[1]};
      }

      @Override
      public ParamVector targetGradient(ParamVector at, boolean fromTuning) {
        return vector(targetGradient);
      }

      @Override
      public ParamVector headGradient(int i) {
        throw new AssertionError("not used by the finite difference");
      }

      @Override
      public ParamVector devHeadGradient(DevHeadFit fit) {
        throw new AssertionError("not used by Auto-λ");
      }
    };
  }

  private static double[] metaGradient(double[] targetGradient) {
    return AutoLambda.metaGradient(
        probe(targetGradient),
        new double[] {1, 1},
        AutoLambda.Options.defaults(),
        List.of(vector(1, 0, 0), vector(0, 1, 0)),
        new int[] {2, 3},
        0.1);
  }

  @Test
  void aZeroTargetGradientIsASkipNotANaN() {
    assertThat(metaGradient(new double[] {0, 0, 0})).isNull();
  }

  @Test
  void aTargetGradientThatIsNotFiniteIsASkip() {
    assertThat(metaGradient(new double[] {Double.NaN, 1, 0})).isNull();
    assertThat(metaGradient(new double[] {Double.POSITIVE_INFINITY, 0, 0})).isNull();
  }

  @Test
  void elsewhereItIsTheFiniteDifferenceAlongTheTargetGradient() {
    double[] d = {3, 4, 0};
    double[] g = metaGradient(d);
    // the losses' derivatives along d at θ: task 0 2·θ0·d0 + d2 = 6, task 1 θ1·d1 = 8; ε = 0.01/5
    assertThat(g).hasSize(2);
    assertThat(g[0]).isCloseTo(-0.1 * 6, within(1e-6));
    assertThat(g[1]).isCloseTo(-0.1 * 8, within(1e-6));
  }
}
