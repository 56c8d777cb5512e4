package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.ParamVector;
import dev.avil.train.StepCombiner;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.List;

/**
 * Fast adaptive multitask optimisation, FAMO (Liu, Liu, Jin, Stone &amp; Liu, "FAMO: Fast Adaptive
 * Multitask Optimization", NeurIPS 2023), following the authors' {@code famo.py}
 * (Cranial-XIX/FAMO): each step takes a batch of every task and descends Σ_k z_k·log(L_k + ε)/c,
 * with z = softmax(ξ), ε = 1e-8 and c = Σ_k z_k/(L_k + ε) held constant, so task k's loss counts
 * with weight w_k = z_k/((L_k + ε)·c), the weights summing to 1; after the step the same batches
 * are evaluated again, and with δ_k = log(L_k + ε) − log(L_k' + ε), the decrease of each task's log
 * loss, ξ takes an Adam step along the softmax's Jacobian applied to δ. A task whose loss falls
 * faster than the others' loses weight, so that every task's loss falls at the same rate.
 *
 * <p>Defaults as the authors' NYUv2 script: Adam at 0.025 with weight decay 1e-3 ({@code famo.py}
 * itself has 0.01), ξ starting at 0, no minimum losses subtracted. Where this differs from the
 * code: the batches are evaluated again in evaluation mode (no dropout, no batch statistics
 * updated), where the code keeps the model in training mode. The weights apply to the heads too, as
 * the code's weighted loss gives them. The recorded weight of a task is its w averaged over the
 * epoch's steps.
 */
public final class Famo implements Strategy {
  private static final double EPSILON = 1e-8;

  private final Options options;
  private Logits logits;

  /** FAMO with {@code options}. */
  public Famo(Options options) {
    this.options = options;
  }

  /**
   * FAMO's options.
   *
   * @param learningRate Adam's step size on ξ, &gt; 0; default 0.025
   * @param weightDecay Adam's weight decay on ξ, ≥ 0; default 1e-3
   */
  public record Options(double learningRate, double weightDecay) implements MethodOptions {
    /** Checks the options. */
    public Options {
      MethodOptions.requirePositive("FAMO learning rate", learningRate);
      MethodOptions.require(
          weightDecay >= 0 && Double.isFinite(weightDecay),
          "FAMO weight decay",
          weightDecay,
          "a finite number ≥ 0");
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(0.025, 1e-3);
    }

    /** With Adam's step size {@code v}. */
    public Options learningRate(double v) {
      return new Options(v, weightDecay);
    }

    /** With Adam's weight decay {@code v}. */
    public Options weightDecay(double v) {
      return new Options(learningRate, v);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    if (logits == null) {
      logits = new Logits(k, options);
    }
    double[] sum = new double[k];
    int[] steps = {0};
    run.trainJoint(
        run.allTasks(),
        new StepCombiner() {
          private double[] before;

          @Override
          public Combination combine(int[] tasks, List<ParamVector> gradients, double[] losses) {
            before = losses;
            double[] w = weights(logits.xi, losses);
            for (int i = 0; i < k; i++) {
              sum[i] += w[i];
            }
            steps[0]++;
            return new Combination(w, w);
          }

          @Override
          public boolean wantsLossesAfterStep() {
            return true;
          }

          @Override
          public void stepped(double[] after) {
            logits.step(gradient(logits.xi, before, after));
          }
        });
    double[] mean = new double[k];
    for (int i = 0; i < k; i++) {
      mean[i] = sum[i] / Math.max(1, steps[0]);
    }
    return EpochWeights.withSkippedSteps(mean, 0); // it never skips, and says so
  }

  /** z = softmax(ξ). */
  static double[] softmax(double[] xi) {
    return Weights.softmax(xi, 1);
  }

  /** Each task's loss weight w_k = z_k/((L_k + ε)·c), c = Σ_j z_j/(L_j + ε). */
  static double[] weights(double[] xi, double[] losses) {
    double[] z = softmax(xi);
    double c = 0;
    for (int i = 0; i < z.length; i++) {
      c += z[i] / (losses[i] + EPSILON);
    }
    double[] w = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      w[i] = z[i] / ((losses[i] + EPSILON) * c);
    }
    return w;
  }

  /** The softmax's Jacobian at ξ applied to δ, the decrease of each task's log loss. */
  static double[] gradient(double[] xi, double[] before, double[] after) {
    double[] z = softmax(xi);
    double[] delta = new double[z.length];
    double mean = 0;
    for (int i = 0; i < z.length; i++) {
      delta[i] = Math.log(before[i] + EPSILON) - Math.log(after[i] + EPSILON);
      mean += z[i] * delta[i];
    }
    double[] g = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      g[i] = z[i] * (delta[i] - mean);
    }
    return g;
  }

  /** ξ and its Adam, as PyTorch's with weight decay: the decay times ξ added to the gradient. */
  static final class Logits {
    final double[] xi;
    private final Adam adam;
    private final double weightDecay;

    Logits(int k, Options options) {
      this.xi = new double[k];
      this.adam = new Adam(k, options.learningRate());
      this.weightDecay = options.weightDecay();
    }

    void step(double[] gradient) {
      double[] g = new double[xi.length];
      for (int i = 0; i < xi.length; i++) {
        g[i] = gradient[i] + weightDecay * xi[i];
      }
      adam.step(xi, g);
    }
  }
}
