package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * Prioritised PCGrad, PCGrad with the target first, following {@code
 * auxiliary_task_scene_understanding/LibMTL/weighting/PriPCGrad.py} of ForkMerge's code
 * (thuml/ForkMerge), where it is a baseline: each step takes a batch of every task, and an
 * auxiliary task's trunk gradient g_k that conflicts with the target's g_0 (g_k·g_0 &lt; 0) loses
 * its component along g_0, g_k ← g_k − (g_k·g_0 / ‖g_0‖²)·g_0; the target's gradient is never
 * changed, and the gradients are summed. So no auxiliary task can pull the trunk against the
 * target, while tasks that agree with it train as in uniform multitask learning.
 *
 * <p>As in {@link PcGrad}, the projection is on the shared trunk only, each head learning from its
 * own gradient at weight 1, and the recorded weight of every task is 1: the sum is Σ_k c_k·g_k with
 * every auxiliary c_k 1 and the target's c_0 raised by each conflict, which is no weight. A step
 * whose inner products are not finite is skipped and counted ({@code skipped_steps}); a zero target
 * gradient conflicts with nothing, so it needs no skip.
 */
public final class PriPcGrad implements Strategy {
  /** PriPCGrad has no options. */
  public record Options() implements MethodOptions {}

  /** The options, none. */
  public static final MethodOptions OPTIONS = new Options();

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    return GramSteps.train(
        run, false, (gram, losses) -> combine(gram), Weights.ones(run.taskCount()));
  }

  /**
   * The trunk coefficients of PriPCGrad's step from the Gram matrix {@code gram} of the tasks'
   * gradients, the target's first; each head at 1.
   */
  static Combination combine(double[][] gram) {
    int k = gram.length;
    double[] trunk = Weights.ones(k);
    for (int t = 1; t < k; t++) {
      if (gram[t][0] < 0) { // g_0 ≠ 0 here: a zero g_0 has a zero inner product with everything
        trunk[0] -= gram[t][0] / gram[0][0];
      }
    }
    return new Combination(trunk, Weights.ones(k));
  }
}
