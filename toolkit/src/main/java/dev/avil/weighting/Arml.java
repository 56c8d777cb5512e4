package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.Arrays;

/**
 * Auxiliary-task reweighting for minimum-data learning, ARML (Shi, Ye, Li, Jia &amp; Tang,
 * "Auxiliary Task Reweighting for Minimum-data Learning", NeurIPS 2020), following {@code
 * auxiliary_task_scene_understanding/LibMTL/weighting/ARML.py} of ForkMerge's code
 * (thuml/ForkMerge): the auxiliary weights w_k are fitted so that the weighted auxiliary gradients
 * stand in for the target's, by descent on ‖g_0 − Σ_k w_k·g_k‖² over the trunk gradients of each
 * step's batches. Each step takes a batch of every task; the trunk moves along g_0 + Σ_k w_k·g_k
 * with the weights as they were, then each w_k takes one gradient step, w_k ← w_k + 2η·g_k·(g_0 −
 * Σ_j w_j·g_j). The target's weight stays 1, and the weights start at 1.
 *
 * <p>As ForkMerge's copy does, and unlike the paper: no Langevin noise in the weights' update and
 * no normalisation of their sum, so a weight may go below 0. Where this differs from that copy: the
 * weights take plain gradient steps at the model's learning rate (the copy hands them to the
 * model's optimiser, whose momentum and weight decay they then share), capped at half the inverse
 * of the auxiliary gradients' summed squared norms, below which descent on the quadratic cannot
 * diverge (at the model's rate, early LeNet gradients sent the weights and the training loss to NaN
 * in the first epochs of the study); and the heads learn from their own gradients at weight 1, as
 * LibMTL's heads do. The recorded weight of a task is its w averaged over the epoch's steps. A step
 * whose inner products are not finite is skipped and counted ({@code skipped_steps}), and the
 * weights stay as they were.
 *
 * <p>What the fit rewards is a gradient that points where the target's does, not a task that helps:
 * on a copy of the target with a head of its own, the copy's trunk gradient correlates little with
 * the target's and is the longer one, so its weight falls faster than that of random labels, whose
 * short gradient barely moves theirs.
 */
public final class Arml implements Strategy {
  private final WeightRate rate;
  private double[] weights;

  /** ARML with the weights descending at {@code rate}. */
  public Arml(WeightRate rate) {
    this.rate = rate;
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    if (weights == null) {
      weights = Weights.ones(run.taskCount());
    }
    double eta = rate.in(run);
    return GramSteps.train(
        run,
        false,
        (gram, losses) -> {
          Combination c = new Combination(weights.clone(), Weights.ones(weights.length));
          weights = next(gram, weights, eta);
          return c;
        },
        null);
  }

  /**
   * The weights after one descent step on ‖g_0 − Σ_{k≥1} w_k·g_k‖², of size {@code eta} or
   * 0.5/Σ_{k≥1}‖g_k‖² if that is smaller, from the Gram matrix {@code gram} of the tasks'
   * gradients, the target's first; the target's stays 1.
   */
  static double[] next(double[][] gram, double[] w, double eta) {
    double squared = 0;
    for (int k = 1; k < w.length; k++) {
      squared += gram[k][k];
    }
    // the quadratic's curvature 2·G_auxᵀG_aux has no eigenvalue above 2·squared
    double step = squared > 0 ? Math.min(eta, 0.5 / squared) : eta;
    double[] out = Arrays.copyOf(w, w.length);
    for (int k = 1; k < w.length; k++) {
      double residual = gram[k][0]; // g_k·(g_0 − Σ_j w_j·g_j)
      for (int j = 1; j < w.length; j++) {
        residual -= w[j] * gram[k][j];
      }
      out[k] = w[k] + 2 * step * residual;
    }
    out[0] = 1;
    return out;
  }
}
