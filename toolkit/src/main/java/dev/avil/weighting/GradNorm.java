package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.Arrays;

/**
 * GradNorm (Chen, Badrinarayanan, Lee &amp; Rabinovich, "GradNorm: Gradient Normalization for
 * Adaptive Loss Balancing in Deep Multitask Networks", ICML 2018), following LibMTL's {@code
 * weighting/GradNorm.py} (there is no official code): the weights w = K·softmax(s) learn so that
 * each task's weighted gradient norm ‖w_i·g_i‖ tracks the mean norm times r_i^α, where r_i is the
 * task's loss over its first-epoch loss, relative to the mean of that ratio; a task that has
 * trained less than the others gets a larger gradient. Each step takes a batch of every task; the
 * trunk moves along Σ w_i·g_i with the weights as they were, then s takes one gradient step on Σ_i
 * |‖w_i·g_i‖ − mean_j ‖w_j·g_j‖·r_i^α|, the target term held constant.
 *
 * <p>As LibMTL does: the first epoch trains every task at weight 1 and gives each task's initial
 * loss, its mean training loss that epoch; the norms are taken over the whole trunk, where the
 * paper takes the last shared layer; the heads learn from their own gradients at weight 1; α is
 * 1.5. Where this differs: s takes plain gradient steps at the model's learning rate, where LibMTL
 * hands it to the model's optimiser. The recorded weight of a task is its w averaged over the
 * epoch's steps. A step whose inner products are not finite, or where a task's initial loss is 0,
 * is skipped and counted ({@code skipped_steps}).
 */
public final class GradNorm implements Strategy {
  private final Options options;
  private double[] logits;
  private double[] initialLosses;

  /** GradNorm with {@code options}. */
  public GradNorm(Options options) {
    this.options = options;
  }

  /**
   * GradNorm's options.
   *
   * @param alpha the strength of the pull toward a common training rate, ≥ 0; default 1.5
   * @param learningRate the step size of s, &gt; 0, or NaN (the default) for the model's
   */
  public record Options(double alpha, double learningRate) implements MethodOptions {
    /** Checks the options. */
    public Options {
      MethodOptions.require(
          alpha >= 0 && Double.isFinite(alpha), "GradNorm alpha", alpha, "a finite number ≥ 0");
      new WeightRate(learningRate); // checks it
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(1.5, Double.NaN);
    }

    /** With the pull's strength {@code a}. */
    public Options alpha(double a) {
      return new Options(a, learningRate);
    }

    /** With s learning at {@code lr} (NaN: the model's learning rate). */
    public Options learningRate(double lr) {
      return new Options(alpha, lr);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    if (initialLosses == null) {
      EpochWeights first = GramSteps.train(run, false, (gram, losses) -> ones(k), Weights.ones(k));
      initialLosses = run.epochLosses();
      logits = new double[k];
      return first;
    }
    double eta = new WeightRate(options.learningRate()).in(run);
    return GramSteps.train(
        run,
        false,
        (gram, losses) -> {
          double[] ratio = new double[k];
          for (int i = 0; i < k; i++) {
            ratio[i] = losses[i] / initialLosses[i];
            if (!Double.isFinite(ratio[i])) {
              return null;
            }
          }
          double[] w = weights(logits);
          logits = next(gram, ratio, logits, options.alpha(), eta);
          return new Combination(w, Weights.ones(k));
        },
        null);
  }

  private static Combination ones(int k) {
    return new Combination(Weights.ones(k), Weights.ones(k));
  }

  /** w = K·softmax(s). */
  static double[] weights(double[] s) {
    return Weights.softmax(s, s.length);
  }

  /**
   * s after one gradient step of size {@code eta} on Σ_i |w_i·n_i − mean_j(w_j·n_j)·r_i^α|, the
   * second term held constant, with n_i = √gram_ii and r_i = ratio_i / mean(ratio).
   */
  static double[] next(double[][] gram, double[] ratio, double[] s, double alpha, double eta) {
    int k = s.length;
    double[] w = weights(s);
    double meanRatio = Arrays.stream(ratio).average().orElse(1);
    double meanNorm = 0;
    double[] norm = new double[k];
    for (int i = 0; i < k; i++) {
      norm[i] = Math.sqrt(Math.max(0, gram[i][i]));
      meanNorm += w[i] * norm[i] / k;
    }
    // ∂/∂w_i, then through w = K·softmax(s): ∂w_i/∂s_j = w_i·(δ_ij − w_j/K)
    double[] a = new double[k];
    double aw = 0;
    for (int i = 0; i < k; i++) {
      double target = meanNorm * Math.pow(ratio[i] / meanRatio, alpha);
      a[i] = Math.signum(w[i] * norm[i] - target) * norm[i];
      aw += a[i] * w[i];
    }
    double[] out = new double[k];
    for (int j = 0; j < k; j++) {
      out[j] = s[j] - eta * (a[j] * w[j] - w[j] / k * aw);
    }
    return out;
  }
}
