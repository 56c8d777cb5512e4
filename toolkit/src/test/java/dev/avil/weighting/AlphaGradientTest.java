package dev.avil.weighting;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import dev.avil.train.ParamVector;
import dev.avil.train.RunSpec;
import dev.avil.train.TrainingRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * αVIL's α gradient by the inner-product identity ∂L/∂α_t = ⟨∇_θ L(θ'), δ_t⟩, checked against
 * central finite differences of the dev loss in float64, on real deltas from training.
 */
class AlphaGradientTest {
  @Test
  void innerProductGradientMatchesFiniteDifferences() {
    Task target = Synthetic.blobs("target", 300, 6, 3, 1.0, 1);
    Task aux = Synthetic.blobs("aux", 300, 6, 4, 1.0, 2);
    Task other = Synthetic.blobs("other", 300, 6, 2, 1.5, 3);
    RunSpec spec = Synthetic.oneEpoch("fd", List.of(target, aux, other), 32, 7, DataType.FLOAT64);
    try (TrainingRun run = new TrainingRun(spec)) {
      List<ParamVector> deltas = new ArrayList<>();
      try (ParamVector theta = run.parameters()) {
        for (int t = 0; t < 3; t++) {
          run.setParameters(theta);
          run.trainTask(t, 0.5 + t, 1.0);
          try (ParamVector after = run.parameters()) {
            deltas.add(after.minus(theta));
          }
        }
        AlphaObjective f = new AlphaObjective(run, theta, deltas);
        for (double[] alpha : new double[][] {{1, 1, 1}, {0.3, 1.7, -0.4}, {2, 0, 0.5}}) {
          double[] analytic = f.valueAndGradient(alpha).gradient();
          double h = 1e-5;
          for (int t = 0; t < 3; t++) {
            double[] up = alpha.clone();
            double[] down = alpha.clone();
            up[t] += h;
            down[t] -= h;
            double numeric = (f.value(up) - f.value(down)) / (2 * h);
            assertThat(analytic[t])
                .as("∂L/∂α_%d at %s", t, java.util.Arrays.toString(alpha))
                .isCloseTo(
                    numeric,
                    org.assertj.core.api.Assertions.within(1e-6 + 1e-5 * Math.abs(numeric)));
          }
          // the gradient is informative: not all zero
          assertThat(java.util.Arrays.stream(analytic).map(Math::abs).max().orElse(0))
              .isGreaterThan(1e-4);
        }
        // a head's delta is non-zero only for its own task
        int[] auxHead = run.headRange(1);
        double[] d0 = deltas.get(0).slice(auxHead[0], auxHead[1]);
        double[] d1 = deltas.get(1).slice(auxHead[0], auxHead[1]);
        assertThat(d0).containsOnly(0.0);
        assertThat(java.util.Arrays.stream(d1).map(Math::abs).sum()).isGreaterThan(0);
      } finally {
        deltas.forEach(ParamVector::close);
      }
    }
  }
}
