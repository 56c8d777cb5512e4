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
 * The evidence test on a task whose delta is the target's own, doubled: with the target's α held at
 * 1, holding that task at its neutral α changes the step and so the loss, and its weight moves;
 * with the target's α free in the test ({@code evidenceBeyondTarget}), the target's α makes up the
 * same step and the weight stays.
 */
class EvidenceTest {
  @Test
  void aTaskThatOnlyRepeatsTheTargetMovesOnlyWhileTheTargetsAlphaIsHeld() {
    Task target = Synthetic.blobs("target", 400, 6, 3, 1.0, 1);
    Task aux = Synthetic.blobs("aux", 400, 6, 3, 1.0, 2);
    RunSpec spec = Synthetic.oneEpoch("ev", List.of(target, aux), 32, 7, DataType.FLOAT64);
    List<ParamVector> deltas = new ArrayList<>();
    try (TrainingRun run = new TrainingRun(spec);
        ParamVector theta = run.parameters()) {
      run.trainTask(0, 0.2, 1.0); // a short step, so that a longer one along it is clearly better
      try (ParamVector after = run.parameters();
          ParamVector d = after.minus(theta)) {
        deltas.add(d.copy());
        deltas.add(ParamVector.combination(new double[] {2}, List.of(d)));
      }
      AlphaObjective objective = new AlphaObjective(run, theta, deltas);
      double[] alpha = {1, 0};
      for (double a = 0; a <= 4; a += 0.25) { // the best α of the copy, the target's held at 1
        if (objective.value(new double[] {1, a}) < objective.value(alpha)) {
          alpha = new double[] {1, a};
        }
      }
      assertThat(alpha[1]).as("the solved α of the copy, away from neutral").isGreaterThan(0.5);
      double[] weights = {1, 0.25};
      int[] live = {1};
      AlphaVilWeightRule held = AlphaVilOptions.defaults().weights();
      AlphaVilWeightRule beyond = AlphaVilOptions.defaults().evidenceBeyondTarget(true).weights();
      assertThat(Evidence.supported(objective, alpha, weights, live, run, held))
          .as("target α held at 1: the copy's α carries the step")
          .containsExactly(false, true);
      assertThat(Evidence.supported(objective, alpha, weights, live, run, beyond))
          .as("target α free: the same step without the copy")
          .containsExactly(false, false);
    } finally {
      deltas.forEach(ParamVector::close);
    }
  }
}
