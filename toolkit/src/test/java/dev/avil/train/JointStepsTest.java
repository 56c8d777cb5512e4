package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A joint step applies the combination of the tasks' own gradients that its combiner chose. */
class JointStepsTest {
  static final List<Task> TASKS =
      List.of(
          Synthetic.blobs("target", 200, 6, 3, 1.0, 1),
          Synthetic.blobs("aux", 400, 6, 4, 1.0, 2),
          Synthetic.blobs("other", 300, 6, 2, 1.5, 3));

  @Test
  void aStepMovesTheTrunkByTheCombinedGradientAndEachHeadByItsOwn() {
    // batches larger than every task: one step, whose batches are the tasks' whole training sets
    RunSpec spec = Synthetic.oneEpoch("joint", TASKS, 512, 7, DataType.FLOAT64);
    double lr = spec.learningRate();
    double[] trunkCoefficient = {1, 0.5, 0};
    double[] headCoefficient = {1, 2, 0.25};
    try (TrainingRun joint = new TrainingRun(spec);
        TrainingRun alone = new TrainingRun(spec);
        ParamVector theta = joint.parameters()) {
      int trunk = joint.headRange(0)[0];
      List<double[]> handed = new ArrayList<>();
      joint.trainJoint(
          joint.allTasks(),
          (tasks, grads, losses) -> {
            grads.forEach(g -> handed.add(g.toDoubleArray()));
            return new Combination(trunkCoefficient, headCoefficient);
          });
      assertThat(handed).as("one step, a gradient per task").hasSize(3);
      double[] th = theta.toDoubleArray();
      double[] expected = th.clone();
      for (int t = 0; t < 3; t++) {
        double[] g = ownGradient(alone, theta, t);
        assertThat(handed.get(t))
            .as("task %d's gradient, on the trunk only", t)
            .hasSize(trunk)
            .containsExactly(java.util.Arrays.copyOf(g, trunk), within(1e-9));
        for (int j = 0; j < trunk; j++) {
          expected[j] -= lr * trunkCoefficient[t] * g[j];
        }
        int[] head = joint.headRange(t);
        for (int j = head[0]; j < head[1]; j++) {
          expected[j] -= lr * headCoefficient[t] * g[j];
        }
      }
      try (ParamVector now = joint.parameters()) {
        assertThat(now.toDoubleArray()).containsExactly(expected, within(1e-9));
      }
      assertThat(java.util.Arrays.equals(expected, th)).as("the step moved the model").isFalse();
    }
  }

  /**
   * Task {@code t}'s own gradient at {@code theta} on its whole training set, from one plain SGD
   * step of {@code run} (its batches larger than the task): a fresh optimizer's first step moves θ
   * by −lr · g.
   */
  private static double[] ownGradient(TrainingRun run, ParamVector theta, int t) {
    run.setParameters(theta);
    run.trainTask(t, 1, 1.0);
    double[] th = theta.toDoubleArray();
    try (ParamVector p = run.parameters()) {
      double[] g = p.toDoubleArray();
      for (int j = 0; j < th.length; j++) {
        g[j] = (th[j] - g[j]) / run.learningRate();
      }
      return g;
    }
  }

  @Test
  void anEpochTrainsOnAsManyExamplesAsTheTasksHaveTogether() {
    RunSpec spec = Synthetic.oneEpoch("joint", TASKS, 16, 7, DataType.FLOAT32);
    int examples = TASKS.stream().mapToInt(t -> t.train().size()).sum();
    try (TrainingRun run = new TrainingRun(spec)) {
      int[] steps = {0};
      run.trainJoint(
          run.allTasks(),
          (tasks, grads, losses) -> {
            steps[0]++;
            return new Combination(new double[] {1, 1, 1}, new double[] {1, 1, 1});
          });
      // three batches of 16 a step; the 120-example target is cycled, the others sampled
      assertThat(steps[0]).isEqualTo((examples + 47) / 48);
      assertThat(run.targetSteps()).isEqualTo(steps[0]);
    }
  }

  @Test
  void atTheFeaturesTheCombinerSeesEachTasksGradientAtTheTrunksOutputAndTheStepIsTheSame() {
    // batches larger than every task: one step, whose batches are the tasks' whole training sets
    RunSpec spec = Synthetic.oneEpoch("joint", TASKS, 512, 7, DataType.FLOAT64);
    Combination c = new Combination(new double[] {1, 0.5, 0}, new double[] {1, 2, 0.25});
    try (TrainingRun atFeatures = new TrainingRun(spec);
        TrainingRun joint = new TrainingRun(spec);
        TrainingRun alone = new TrainingRun(spec);
        ParamVector theta = joint.parameters()) {
      List<double[]> handed = new ArrayList<>();
      List<double[]> losses = new ArrayList<>();
      atFeatures.trainJointAtFeatures(
          atFeatures.allTasks(),
          (tasks, grads, l) -> {
            grads.forEach(g -> handed.add(g.toDoubleArray()));
            losses.add(l);
            return c;
          });
      joint.trainJoint(joint.allTasks(), (tasks, grads, l) -> c);
      try (ParamVector a = atFeatures.parameters();
          ParamVector b = joint.parameters()) {
        assertThat(a.toDoubleArray())
            .as("the trunk moves by the combination of its gradients either way")
            .containsExactly(b.toDoubleArray(), within(1e-12));
      }
      assertThat(handed).hasSize(3);
      assertThat(losses).singleElement().satisfies(l -> assertThat(l).hasSize(3).doesNotContain(0));
      double[] th = theta.toDoubleArray();
      int hidden = spec.headHidden();
      for (int t = 0; t < 3; t++) {
        // the sum over the batch of the loss's gradient at each example's features is W1ᵀ times
        // the gradient of the head's first bias, W1 being the head's first weight (hidden × D)
        double[] g = ownGradient(alone, theta, t);
        int features = handed.get(t).length;
        int w1 = joint.headRange(t)[0];
        int b1 = w1 + hidden * features;
        double[] expected = new double[features];
        for (int h = 0; h < hidden; h++) {
          for (int d = 0; d < features; d++) {
            expected[d] += th[w1 + h * features + d] * g[b1 + h];
          }
        }
        assertThat(handed.get(t)).as("task %d", t).containsExactly(expected, within(1e-9));
      }
    }
  }

  @Test
  void aSkippedStepMovesNothingAndIsNoTargetStep() {
    RunSpec spec = Synthetic.oneEpoch("joint", TASKS, 16, 7, DataType.FLOAT32);
    try (TrainingRun run = new TrainingRun(spec);
        ParamVector before = run.parameters()) {
      int[] steps = {0};
      run.trainJoint(
          run.allTasks(),
          (tasks, grads, losses) -> {
            steps[0]++;
            return null;
          });
      try (ParamVector after = run.parameters()) {
        assertThat(after.toDoubleArray()).containsExactly(before.toDoubleArray());
      }
      assertThat(steps[0]).isPositive();
      assertThat(run.targetSteps()).isZero();
      int[] taken = {0};
      run.trainJoint(
          run.allTasks(),
          (tasks, grads, losses) -> {
            if (++steps[0] % 2 == 0) {
              return null;
            }
            taken[0]++;
            return new Combination(new double[] {1, 1, 1}, new double[] {1, 1, 1});
          });
      assertThat(run.targetSteps()).isEqualTo(taken[0]).isPositive();
    }
  }
}
