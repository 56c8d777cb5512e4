package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * The multiple gradient descent algorithm, MGDA, and its upper-bound variant MGDA-UB (Sener &amp;
 * Koltun, "Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018), following the
 * authors' {@code multi_task/min_norm_solvers.py} and {@code multi_task/train_multi_task.py}
 * (isl-org/MultiObjectiveOptimization): each step takes a batch of every task and weighs the tasks
 * by λ, the point of minimum norm in the convex hull of their normalised gradients, so that the
 * step descends for every task at once where it can and stops at a Pareto-stationary point.
 *
 * <p>As the code does: each gradient is divided by its normaliser ({@link Normalization}; {@code
 * loss+}, the loss times the gradient's norm, in the authors' sample configuration and here by
 * default; the paper has none); the minimum-norm point is the best of the pairs, exact for two
 * tasks, then projected gradient steps on the simplex with an exact line search until the weights
 * change by less than 1e-5 in sum; a pair whose inner product reaches a side's own squared norm
 * takes the weights 0.999 and 0.001, not 1 and 0; and the λ scale the tasks' raw losses, heads
 * included. Where it differs from the code: the iterations stop after 250 (the code's counter is
 * never raised), and the best pair starts from an infinite norm, not 1e8. LibMTL's port leaves the
 * heads at weight 1 and applies λ to the normalised gradients.
 *
 * <p>MGDA-UB ({@code upperBound(true)}) finds λ from the gradients with respect to the trunk's
 * output instead of its parameters. Each task here has its own batch, so its gradient at the
 * features is summed over its batch, as LibMTL does for tasks with their own inputs; and each task
 * needs its own backward pass through the trunk anyway, so MGDA-UB costs what MGDA costs.
 *
 * <p>The recorded weight of a task is its λ averaged over the epoch's steps. A step where a
 * normaliser is 0 or not finite (a zero gradient under {@code l2} or {@code loss+}, a zero loss
 * under {@code loss} or {@code loss+}), or whose inner products are not finite, is skipped and
 * counted ({@code skipped_steps}).
 */
public final class Mgda implements Strategy {
  /** What each task's gradient is divided by before the minimum-norm point is found. */
  public enum Normalization {
    /** Nothing (the paper; LibMTL's default). */
    NONE,
    /** Its Euclidean norm. */
    L2,
    /** The task's batch loss. */
    LOSS,
    /** The task's batch loss times the gradient's norm (the authors' sample configuration). */
    LOSS_PLUS
  }

  private static final int MAX_ITERATIONS = 250;
  private static final double STOP = 1e-5;

  private final Options options;

  /** MGDA with {@code options}. */
  public Mgda(Options options) {
    this.options = options;
  }

  /**
   * MGDA's options.
   *
   * @param normalization what each gradient is divided by; default {@code loss-plus}
   * @param upperBound MGDA-UB: λ from the gradients at the trunk's output; default false
   */
  public record Options(Normalization normalization, boolean upperBound) implements MethodOptions {
    /** Checks the normalisation. */
    public Options {
      MethodOptions.requireChoice("MGDA normalization", normalization, Normalization.class);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(Normalization.LOSS_PLUS, false);
    }

    /** With the gradients divided as {@code n} says. */
    public Options normalization(Normalization n) {
      return new Options(n, upperBound);
    }

    /** MGDA-UB if {@code on}. */
    public Options upperBound(boolean on) {
      return new Options(normalization, on);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    return GramSteps.train(
        run,
        options.upperBound(),
        (gram, losses) -> combine(gram, losses, options.normalization()),
        null);
  }

  /**
   * MGDA's step from the Gram matrix {@code gram} of the tasks' gradients and their batch {@code
   * losses}: λ on the trunk and on the heads, or null where a normaliser is 0 or not finite.
   */
  static Combination combine(double[][] gram, double[] losses, Normalization normalization) {
    int k = gram.length;
    double[] scale = new double[k];
    for (int i = 0; i < k; i++) {
      double norm = Math.sqrt(gram[i][i]);
      scale[i] =
          switch (normalization) {
            case NONE -> 1;
            case L2 -> norm;
            case LOSS -> losses[i];
            case LOSS_PLUS -> losses[i] * norm;
          };
      if (!(scale[i] > 0 && Double.isFinite(scale[i]))) {
        return null;
      }
    }
    double[][] normalised = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        normalised[i][j] = gram[i][j] / (scale[i] * scale[j]);
      }
    }
    double[] lambda = minNormPoint(normalised);
    return new Combination(lambda, lambda.clone());
  }

  /**
   * The weights on the simplex of the point of minimum norm in the convex hull of vectors whose
   * Gram matrix is {@code gram}, as the reference solver finds it.
   */
  static double[] minNormPoint(double[][] gram) {
    int n = gram.length;
    double[] sol = new double[n];
    if (n == 1) {
      sol[0] = 1;
      return sol;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double[] gc = fromTwo(gram[i][i], gram[i][j], gram[j][j]);
        if (gc[1] < best) {
          best = gc[1];
          java.util.Arrays.fill(sol, 0);
          sol[i] = gc[0];
          sol[j] = 1 - gc[0];
        }
      }
    }
    if (n < 3) {
      return sol;
    }
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] descent = GramSteps.times(gram, sol);
      for (int i = 0; i < n; i++) {
        descent[i] = -descent[i];
      }
      double[] next = nextPoint(sol, descent);
      double[] gc =
          fromTwo(
              GramSteps.form(sol, gram, sol),
              GramSteps.form(sol, gram, next),
              GramSteps.form(next, gram, next));
      double change = 0;
      double[] moved = new double[n];
      for (int i = 0; i < n; i++) {
        moved[i] = gc[0] * sol[i] + (1 - gc[0]) * next[i];
        change += Math.abs(moved[i] - sol[i]);
      }
      if (change < STOP) {
        return sol;
      }
      sol = moved;
    }
    return sol;
  }

  /**
   * The minimiser γ of ‖γ·x1 + (1 − γ)·x2‖² from ⟨x1, x1⟩, ⟨x1, x2⟩ and ⟨x2, x2⟩, and that squared
   * norm: {γ, cost}.
   */
  static double[] fromTwo(double v1v1, double v1v2, double v2v2) {
    if (v1v2 >= v1v1) {
      return new double[] {0.999, v1v1};
    }
    if (v1v2 >= v2v2) {
      return new double[] {0.001, v2v2};
    }
    double gamma = -(v1v2 - v2v2) / (v1v1 + v2v2 - 2 * v1v2);
    return new double[] {gamma, v2v2 + gamma * (v1v2 - v2v2)};
  }

  /**
   * From {@code current}, a step along {@code direction} less its mean, projected back onto the
   * simplex. Its length is the reference's: the shortest distance, among those above 1e-7, to a
   * face the entries falling reach (1 if there is none), and no longer than the shortest such
   * distance to a face the entries rising reach.
   */
  private static double[] nextPoint(double[] current, double[] direction) {
    int n = current.length;
    double mean = 0;
    for (double d : direction) {
      mean += d / n;
    }
    double[] p = new double[n];
    double falling = Double.POSITIVE_INFINITY;
    double rising = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      p[i] = direction[i] - mean;
      double limit = p[i] < 0 ? -current[i] / p[i] : (1 - current[i]) / p[i];
      if (p[i] != 0 && limit > 1e-7) {
        if (p[i] < 0) {
          falling = Math.min(falling, limit);
        } else {
          rising = Math.min(rising, limit);
        }
      }
    }
    double t = Math.min(falling == Double.POSITIVE_INFINITY ? 1 : falling, rising);
    double[] next = new double[n];
    for (int i = 0; i < n; i++) {
      next[i] = p[i] * t + current[i];
    }
    return GramSteps.projectToSimplex(next);
  }
}
