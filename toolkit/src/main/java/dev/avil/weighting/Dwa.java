package dev.avil.weighting;

import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * Dynamic weight average (Liu, Johns &amp; Davison, "End-to-End Multi-Task Learning with
 * Attention", CVPR 2019). Each epoch, w_k = K · softmax(r_k / T) where r_k = L_k(t−1) / L_k(t−2) is
 * the ratio of task k's last two mean epoch losses: a task whose loss falls slowly gets more
 * weight. The first two epochs use weight 1. Tasks train interleaved batch by batch, as in uniform
 * multitask learning. A loss balancer: it treats the target like any other task.
 *
 * <p>Default: temperature T = 2 (the paper's).
 */
public final class Dwa implements Strategy {
  private final double temperature;
  private double[] previous;
  private double[] last;

  /** DWA with {@code options}. */
  public Dwa(Options options) {
    this.temperature = options.temperature();
  }

  /**
   * DWA's options.
   *
   * @param temperature the softmax temperature T &gt; 0; default 2
   */
  public record Options(double temperature) implements MethodOptions {
    /** Checks the temperature. */
    public Options {
      MethodOptions.requirePositive("DWA temperature", temperature);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(2);
    }

    /** With temperature {@code t}. */
    public Options temperature(double t) {
      return new Options(t);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    double[] w = weights(previous, last, temperature, run.taskCount());
    run.trainInterleaved(w);
    previous = last;
    last = run.epochLosses();
    return EpochWeights.of(weights(previous, last, temperature, run.taskCount()));
  }

  /**
   * DWA's weights from the mean losses of the two epochs before this one ({@code older}, then
   * {@code newer}); all 1 while either is missing.
   */
  static double[] weights(double[] older, double[] newer, double temperature, int k) {
    if (older == null || newer == null) {
      return Weights.ones(k);
    }
    double[] r = new double[k];
    for (int t = 0; t < k; t++) {
      r[t] = newer[t] / older[t] / temperature;
    }
    return Weights.softmax(r, k);
  }
}
