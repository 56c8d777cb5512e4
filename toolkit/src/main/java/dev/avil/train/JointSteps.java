package dev.avil.train;

import ai.djl.nn.Parameter;
import dev.avil.model.MultiHeadNet;
import dev.avil.train.TrainingRun.Combination;
import dev.avil.train.TrainingRun.StepCombiner;
import java.util.ArrayList;
import java.util.List;

/**
 * Joint training: each step takes one batch of every participating task, computes each task's
 * gradient separately, and updates the model with the combination a {@link StepCombiner} chooses. A
 * pass lasts as many steps as the largest task has batches; smaller tasks cycle through their data,
 * reshuffled each time round. Fresh optimizer per pass.
 */
final class JointSteps {
  private JointSteps() {}

  /** One pass over {@code tasks} (target first) on {@code lane}, orders from {@code sampling}. */
  static void pass(Lane lane, Sampling sampling, int[] tasks, StepCombiner combiner) {
    int batchSize = lane.spec().batchSize();
    int k = tasks.length;
    MultiHeadNet net = lane.net();
    List<Parameter> params = lane.params();
    int[][] order = new int[k][];
    int[] at = new int[k];
    int steps = 0;
    List<Parameter> stepParams = new ArrayList<>(net.parametersOf(tasks[0]));
    for (int i = 0; i < k; i++) {
      order[i] = sampling.order(tasks[i]);
      int n = order[i].length;
      steps = Math.max(steps, (n + batchSize - 1) / batchSize);
      if (i > 0) {
        stepParams.addAll(net.headParameters(tasks[i]));
      }
    }
    try (Sgd opt = lane.optimizer()) {
      for (int s = 0; s < steps; s++) {
        List<ParamVector> grads = new ArrayList<>(k);
        try {
          for (int i = 0; i < k; i++) {
            int n = order[i].length;
            if (at[i] >= n) {
              order[i] = sampling.order(tasks[i]);
              at[i] = 0;
            }
            int count = Math.min(batchSize, n - at[i]);
            lane.backward(tasks[i], order[i], at[i], count, 1);
            at[i] += count;
            grads.add(lane.takeGradient());
          }
          Combination c = combiner.combine(tasks.clone(), grads);
          try (ParamVector g = combined(net.trunkSize(), grads, c)) {
            g.writeGradientsTo(stepParams, params);
          }
          opt.step(stepParams);
        } finally {
          grads.forEach(ParamVector::close);
        }
      }
    }
  }

  /**
   * Σ_i of gradient i, its first {@code trunk} entries (the shared trunk) scaled by {@code
   * c.trunk()[i]} and the rest by {@code c.head()[i]}.
   */
  private static ParamVector combined(int trunk, List<ParamVector> grads, Combination c) {
    ParamVector sum = null;
    for (int i = 0; i < grads.size(); i++) {
      try (ParamVector part = grads.get(i).scaledParts(trunk, c.trunk()[i], c.head()[i])) {
        if (sum == null) {
          sum = part.axpy(0, part);
        } else {
          ParamVector next = sum.axpy(1, part);
          sum.close();
          sum = next;
        }
      }
    }
    return sum;
  }
}
