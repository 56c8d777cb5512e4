package dev.avil.weighting;

import dev.avil.train.BatchWeighting;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.Arrays;

/**
 * Uncertainty weighting (Kendall, Gal &amp; Cipolla, "Multi-Task Learning Using Uncertainty to
 * Weigh Losses for Scene Geometry and Semantics", CVPR 2018). Each task k has a learned
 * log-variance s_k and contributes exp(−s_k)·L_k + s_k to the loss, so its weight is exp(−s_k). The
 * s_k are updated by SGD after each of the task's batches, with ∂/∂s_k = 1 − exp(−s_k)·L_k. A loss
 * balancer: it treats the target like any other task.
 *
 * <p>Defaults: s_k = 0 at the start (weight 1), learning rate of s equal to the model's (0.05 by
 * default) — our choice, since the paper trains s with the network's optimiser.
 */
public final class UncertaintyWeighting implements Strategy {
  private final WeightRate rate;
  private double[] logVariance;

  /** Uncertainty weighting with the log-variances learning at {@code rate}. */
  public UncertaintyWeighting(WeightRate rate) {
    this.rate = rate;
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    if (logVariance == null) {
      logVariance = new double[run.taskCount()]; // s = 0: weight 1
    }
    double lr = rate.in(run);
    run.trainInterleaved(
        new BatchWeighting() {
          @Override
          public boolean trains(int task) {
            return true;
          }

          @Override
          public double weight(int task) {
            return Math.exp(-logVariance[task]);
          }

          @Override
          public void afterBatch(int task, double loss) {
            logVariance[task] -= lr * gradient(logVariance[task], loss);
          }
        });
    return EpochWeights.of(Arrays.stream(logVariance).map(s -> Math.exp(-s)).toArray());
  }

  /** ∂/∂s of exp(−s)·L + s. */
  static double gradient(double s, double loss) {
    return 1 - Math.exp(-s) * loss;
  }
}
