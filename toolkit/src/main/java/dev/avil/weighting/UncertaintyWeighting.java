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
  private final double learningRate;
  private double[] logVariance;

  /** Uncertainty weighting with {@code options}. */
  public UncertaintyWeighting(Options options) {
    this.learningRate = options.learningRate();
  }

  /**
   * Options of uncertainty weighting.
   *
   * @param learningRate the log-variances' SGD learning rate &gt; 0, or NaN (the default) for the
   *     model's learning rate
   */
  public record Options(double learningRate) implements MethodOptions {
    /** Checks the learning rate. */
    public Options {
      MethodOptions.require(
          Double.isNaN(learningRate) || (learningRate > 0 && Double.isFinite(learningRate)),
          "uncertainty weighting learning rate",
          learningRate,
          "a finite number > 0 (or NaN for the model's)");
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(Double.NaN);
    }

    /** With the log-variances learning at {@code lr}. */
    public Options learningRate(double lr) {
      return new Options(lr);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    if (logVariance == null) {
      logVariance = new double[run.taskCount()]; // s = 0: weight 1
    }
    double lr = Double.isNaN(learningRate) ? run.learningRate() : learningRate;
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
