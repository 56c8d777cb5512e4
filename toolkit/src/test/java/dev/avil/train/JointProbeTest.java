package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A probe's looks at the model elsewhere: the virtual step is the step SGD then takes, looking
 * around leaves the step as it would have been, and the losses along the target's gradient change
 * as the gradients say.
 */
class JointProbeTest {
  private static final List<Task> TASKS = JointStepsTest.TASKS;
  private static final double[] WEIGHTS = {1, 0.5, 0.25};

  /**
   * Step after step, with momentum, θ moves by what {@link StepProbe#sgdStep} foretold, though the
   * combiner looked at the losses, the target's gradient and a dev head elsewhere first.
   */
  @Test
  void theVirtualStepIsTheStepTakenWhateverTheProbeLookedAt() {
    RunSpec spec = Synthetic.oneEpoch("probe", TASKS, 32, 7, DataType.FLOAT64);
    List<double[]> before = new ArrayList<>();
    List<double[]> foretold = new ArrayList<>();
    try (TrainingRun run = new TrainingRun(spec)) {
      run.trainJoint(
          run.allTasks(),
          (ProbingCombiner)
              (tasks, gradients, losses, probe) -> {
                try (ParamVector theta = probe.parameters();
                    ParamVector step = probe.sgdStep(WEIGHTS);
                    ParamVector away = theta.axpy(3, step);
                    ParamVector d = probe.targetGradient(away, before.size() % 2 == 0);
                    ParamVector dev = probe.devHeadGradient(new DevHeadFit(3, 0.03, 0.1, 8))) {
                  assertThat(java.util.Arrays.stream(probe.losses(away)).allMatch(Double::isFinite))
                      .isTrue();
                  assertThat(d.norm()).isPositive();
                  assertThat(dev.size()).isEqualTo(run.headRange(0)[0]);
                  before.add(theta.toDoubleArray());
                  foretold.add(step.toDoubleArray());
                }
                return new Combination(WEIGHTS, WEIGHTS);
              });
      assertThat(before).as("several steps, so that momentum counts").hasSizeGreaterThan(5);
      for (int s = 0; s + 1 < before.size(); s++) {
        double[] moved = before.get(s + 1).clone();
        for (int j = 0; j < moved.length; j++) {
          moved[j] -= before.get(s)[j];
        }
        assertThat(moved).as("step %d", s).containsExactly(foretold.get(s), within(1e-12));
      }
    }
  }

  /**
   * The central difference of each task's loss along the target's gradient d, over 2ε with ε small
   * (1e-6/‖d‖), is the inner product of the task's gradient with d, the loss's directional
   * derivative: the limit of Auto-λ's finite difference. (At Auto-λ's own ε = 0.01/‖d‖ the two
   * differ here by 0.3% for the target: the ReLUs' kinks within reach of the difference.)
   */
  @Test
  void lossesAlongTheTargetsGradientChangeAsTheGradientsSay() {
    // batches larger than every task: the step's gradients are each task's over all its data
    RunSpec spec = Synthetic.oneEpoch("probe", TASKS, 512, 7, DataType.FLOAT64);
    int[] calls = {0};
    try (TrainingRun run = new TrainingRun(spec)) {
      int trunk = run.headRange(0)[0];
      int[] head = run.headRange(0);
      run.trainJoint(
          run.allTasks(),
          (ProbingCombiner)
              (tasks, gradients, losses, probe) -> {
                calls[0]++;
                try (ParamVector theta = probe.parameters();
                    ParamVector d = probe.targetGradient(theta, false);
                    ParamVector targetHead = probe.headGradient(0)) {
                  double epsilon = 1e-6 / d.norm();
                  double[][] along = new double[2][];
                  for (int side = 0; side < 2; side++) {
                    try (ParamVector at = theta.axpy(side == 0 ? epsilon : -epsilon, d)) {
                      along[side] = probe.losses(at);
                    }
                  }
                  double[] onTrunk = d.slice(0, trunk);
                  for (int i = 0; i < 3; i++) {
                    double exact = dot(gradients.get(i).toDoubleArray(), onTrunk);
                    if (i == 0) {
                      exact += dot(targetHead.toDoubleArray(), d.slice(head[0], head[1]));
                    }
                    double difference = (along[0][i] - along[1][i]) / (2 * epsilon);
                    assertThat(difference)
                        .as("task %d", i)
                        .isCloseTo(exact, within(1e-6 * (1 + Math.abs(exact))));
                  }
                }
                return new Combination(WEIGHTS, WEIGHTS);
              });
    }
    assertThat(calls[0]).isEqualTo(1);
  }

  private static double dot(double[] a, double[] b) {
    return java.util.stream.IntStream.range(0, a.length).mapToDouble(i -> a[i] * b[i]).sum();
  }
}
