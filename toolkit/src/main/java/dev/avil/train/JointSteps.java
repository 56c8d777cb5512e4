package dev.avil.train;

import ai.djl.nn.Parameter;
import dev.avil.model.MultiHeadNet;
import dev.avil.task.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * Joint training: each step takes one batch of every participating task, computes each task's
 * gradient on the shared trunk separately, and updates the model with the combination a {@link
 * StepCombiner} chooses. A pass trains on as many examples as the tasks have together, as an epoch
 * of every other method does: ⌈Σ n_t / (k · batch)⌉ steps of k batches. Each task draws its batches
 * from its own data in a fresh random order, starting again in a new order when it runs out, so a
 * small target is cycled and a large task gives a random part of its data. Fresh optimizer per
 * pass.
 *
 * <p>A task's head receives its gradient from its own batch only, so the heads' gradients stay in
 * place while the trunk's are taken task by task; only the combined trunk gradient is written back.
 * A combiner that returns null skips the step: every gradient is dropped, nothing moves, and the
 * target's batch counts as no target step.
 *
 * <p>At the features, the combiner is handed each task's gradient with respect to the trunk's
 * output instead, summed over the task's batch (each task has its own inputs, so their examples do
 * not pair up); the trunk still moves by the combination of the tasks' trunk gradients.
 *
 * <p>A {@link ProbingCombiner} is handed a {@link JointProbe} besides, to look at the model
 * elsewhere; the step puts the parameters and the heads' gradients back before it moves.
 */
final class JointSteps {
  private JointSteps() {}

  /**
   * One pass over {@code tasks} (target first) on {@code lane}, orders from {@code sampling}; the
   * combiner sees the trunk's gradients, or with {@code atFeatures} the gradients at the trunk's
   * output.
   */
  static void pass(
      Lane lane,
      Sampling sampling,
      Split tuning,
      int[] tasks,
      StepCombiner combiner,
      boolean atFeatures) {
    int batchSize = lane.spec().batchSize();
    int k = tasks.length;
    MultiHeadNet net = lane.net();
    List<Parameter> trunk = net.trunkParameters();
    List<Parameter> stepParams = new ArrayList<>(trunk);
    List<List<Parameter>> heads = new ArrayList<>(k);
    int[][] order = new int[k][];
    int[] at = new int[k];
    long examples = 0;
    for (int i = 0; i < k; i++) {
      order[i] = sampling.order(tasks[i]);
      examples += order[i].length;
      heads.add(net.headParameters(tasks[i]));
      stepParams.addAll(heads.get(i));
    }
    long perStep = (long) k * batchSize;
    long steps = (examples + perStep - 1) / perStep;
    try (ModelOptimizer opt = lane.optimizer()) {
      JointProbe probe =
          combiner instanceof ProbingCombiner ? new JointProbe(lane, sampling, tuning, opt) : null;
      for (long s = 0; s < steps; s++) {
        List<ParamVector> grads = new ArrayList<>(k);
        List<ParamVector> features = new ArrayList<>(atFeatures ? k : 0);
        double[] losses = new double[k];
        int[] from = new int[k];
        int[] counts = new int[k];
        try {
          for (int i = 0; i < k; i++) {
            int n = order[i].length;
            if (at[i] >= n) {
              order[i] = sampling.order(tasks[i]);
              at[i] = 0;
            }
            int count = Math.min(batchSize, n - at[i]);
            from[i] = at[i];
            counts[i] = count;
            if (atFeatures) {
              losses[i] = lane.backwardAtFeatures(tasks[i], order[i], at[i], count, features);
            } else {
              losses[i] = lane.backward(tasks[i], order[i], at[i], count, 1);
            }
            at[i] += count;
            grads.add(lane.takeGradient(trunk));
          }
          Combination c;
          if (probe == null) {
            c = combiner.combine(tasks.clone(), atFeatures ? features : grads, losses.clone());
          } else {
            probe.begin(tasks, grads, heads, order, from, counts);
            try {
              c =
                  ((ProbingCombiner) combiner)
                      .combine(tasks.clone(), atFeatures ? features : grads, losses.clone(), probe);
            } finally {
              probe.end();
            }
          }
          if (c == null) {
            Sgd.zeroGradients(stepParams);
            lane.stepSkipped(tasks);
            continue;
          }
          try (ParamVector g = ParamVector.combination(c.trunk(), grads)) {
            g.writeGradientsTo(trunk);
          }
          for (int i = 0; i < k; i++) {
            if (c.head()[i] != 1) {
              Sgd.scaleGradients(heads.get(i), c.head()[i]);
            }
          }
          opt.step(stepParams);
          if (combiner.wantsLossesAfterStep()) {
            double[] after = new double[k];
            for (int i = 0; i < k; i++) {
              after[i] = lane.loss(tasks[i], order[i], from[i], counts[i]);
            }
            combiner.stepped(after);
          }
        } finally {
          grads.forEach(ParamVector::close);
          features.forEach(ParamVector::close);
        }
      }
    }
  }
}
