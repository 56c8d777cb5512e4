package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.ParamVector;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.Arrays;
import java.util.List;

/**
 * Online learning of auxiliary weights, OL-AUX (Lin, Baweja, Kantor &amp; Held, "Adaptive Auxiliary
 * Task Weighting for Reinforcement Learning", NeurIPS 2019). Each step takes a batch of every task
 * and follows the weighted gradient g_target + Σ_i w_i·g_i. Every {@code horizon} steps each
 * auxiliary weight moves by the accumulated inner products of the target's gradient with that
 * task's gradient on the shared trunk: w_i ← clamp(w_i + β·η·Σ⟨∇L_target, ∇L_i⟩, 0, w_max). The
 * model's learning rate η is there as in the paper's derivation: through one SGD step, the target's
 * loss changes with w_i at the rate −η·⟨∇L_target, ∇L_i⟩, so the step raises the weight of tasks
 * whose gradients agree with the target's.
 *
 * <p>Defaults (our choice where the paper's RL settings do not carry over): β = 0.5, horizon 5
 * steps, weights start at 1 and stay in [0, 2]: without the upper bound a task that agrees with the
 * target from the start (a copy of it) gains weight every step until training diverges. Auxiliary
 * heads learn from their own weighted loss.
 */
public final class OlAux implements Strategy {
  private final Options options;
  private double[] weights;

  /** OL-AUX with {@code options}. */
  public OlAux(Options options) {
    this.options = options;
  }

  /**
   * OL-AUX's options.
   *
   * @param beta the weights' step size &gt; 0; default 0.5
   * @param horizon steps between weight updates, ≥ 1; default 5
   * @param maxWeight the upper bound of the auxiliary weights, &gt; 0; default 2
   */
  public record Options(double beta, int horizon, double maxWeight) implements MethodOptions {
    /** Checks both. */
    public Options {
      MethodOptions.requirePositive("OL-AUX beta", beta);
      MethodOptions.require(horizon >= 1, "OL-AUX horizon", horizon, "≥ 1");
      MethodOptions.requirePositive("OL-AUX max weight", maxWeight);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(0.5, 5, 2);
    }

    /** With step size {@code b}. */
    public Options beta(double b) {
      return new Options(b, horizon, maxWeight);
    }

    /** With an update every {@code steps} steps. */
    public Options horizon(int steps) {
      return new Options(beta, steps, maxWeight);
    }

    /** With the auxiliary weights kept at most {@code w}. */
    public Options maxWeight(double w) {
      return new Options(beta, horizon, w);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    if (weights == null) {
      weights = Weights.ones(run.taskCount());
    }
    double[] acc = new double[run.taskCount()];
    int[] step = {0};
    double rate = options.beta() * run.learningRate();
    run.trainJoint(
        run.allTasks(),
        (ts, grads, losses) -> {
          double[] c = weights.clone();
          accumulate(acc, grads);
          if (++step[0] % options.horizon() == 0) {
            weights = update(weights, acc, rate, options.maxWeight());
            Arrays.fill(acc, 0);
          }
          return new Combination(c, c);
        });
    return EpochWeights.of(weights.clone());
  }

  /**
   * Adds ⟨g_target, g_i⟩ to {@code acc[i]} for every auxiliary task i, from the tasks' gradients on
   * the trunk.
   */
  static void accumulate(double[] acc, List<ParamVector> grads) {
    for (int i = 1; i < grads.size(); i++) {
      acc[i] += grads.get(0).dot(grads.get(i));
    }
  }

  /**
   * The weights after one update with accumulated inner products {@code acc} and step {@code rate}
   * (β·η), clamped to [0, {@code max}]; the target's stays.
   */
  static double[] update(double[] w, double[] acc, double rate, double max) {
    double[] out = w.clone();
    for (int i = 1; i < w.length; i++) {
      out[i] = Math.min(max, Math.max(0, w[i] + rate * acc[i]));
    }
    return out;
  }
}
