package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task's weight scales the change its own pass makes, under AdamW as under SGD: αVIL's per-task
 * passes train alone, and AdamW, which normalises each step, would otherwise ignore a weight on the
 * loss.
 */
class WeightedPassTest {
  private static double ratio(Optimizer o) {
    List<Task> tasks =
        List.of(
            Synthetic.blobs("target", 200, 6, 3, 1.0, 1),
            Synthetic.blobs("aux", 200, 6, 3, 1.0, 2));
    RunSpec s = Synthetic.oneEpoch("weighted", tasks, 16, 7, DataType.FLOAT64);
    RunSpec spec =
        new RunSpec(
            s.method(),
            s.tasks(),
            s.trunk(),
            s.headHidden(),
            s.epochs(),
            s.patience(),
            s.patienceGrowth(),
            s.chanceMargin(),
            s.batchSize(),
            0.01,
            o,
            s.devSplit(),
            s.seed(),
            s.dtype());
    try (TrainingRun run = new TrainingRun(spec);
        ParamVector theta = run.parameters()) {
      // the same pass twice, at weight 1 and at a quarter; rho 1 draws every example in turn
      List<ParamVector> full = run.passesFrom(theta, new double[] {0, 1}, 1.0);
      List<ParamVector> quarter = run.passesFrom(theta, new double[] {0, 0.25}, 1.0);
      try {
        return quarter.get(1).norm() / full.get(1).norm();
      } finally {
        full.forEach(ParamVector::close);
        quarter.forEach(ParamVector::close);
      }
    }
  }

  @Test
  void underAdamWAQuarterWeightMovesAQuarterAsFar() {
    assertThat(ratio(Optimizer.adamW().weightDecay(0))).isCloseTo(0.25, within(0.03));
  }

  @Test
  void underSgdTheWeightScalesTheLossAsBefore() {
    assertThat(ratio(Optimizer.sgd())).isCloseTo(0.25, within(0.05));
  }
}
