package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * Conflict-averse gradient descent, CAGrad (Liu, Liu, Jin, Stone &amp; Liu, "Conflict-Averse
 * Gradient Descent for Multi-task Learning", NeurIPS 2021), following the authors' {@code
 * nyuv2/utils.py} (Cranial-XIX/CAGrad): each step takes a batch of every task and moves along the
 * mean gradient g₀ bent, within a ball of radius c = calpha·‖g₀‖ around it, toward the direction
 * that most improves the task that gains least, so that no task is traded away for the average.
 *
 * <p>As the code computes it, from A = GGᵀ, the Gram matrix of the tasks' trunk gradients: c =
 * calpha·√(mean(A) + 1e-8) + 1e-8; w on the simplex minimises wᵀA·1/K + c·√(wᵀAw + 1e-8), from the
 * uniform w; g = g₀ + c/(‖Gᵀw‖ + 1e-8)·Gᵀw, divided by 1 + calpha² ({@link Rescale}); and the
 * result is multiplied by K "to match the sum loss", so that it is on the scale of uniform
 * multitask learning (LibMTL's port leaves out that factor). Heads learn from their own gradient at
 * weight 1. Where it differs from the code: w is found by projected gradient descent with a
 * backtracking step, run to convergence, where the code runs SciPy's SLSQP at its default
 * tolerance. The paper's update is g₀ + c/‖Gᵀw‖·Gᵀw; the division, the factor K and the small
 * constants are the code's.
 *
 * <p>The recorded weight of every task is 1: each task's loss enters at weight 1 and CAGrad bends
 * the direction. The step is Σ_k c_k·g_k with c_k = K·(1/K + w_k·c/‖Gᵀw‖)/(1 + calpha²), but c_k is
 * no weight: where the worst case leans on a short gradient, ‖Gᵀw‖ is small and c_k large, while
 * the bend c·Gᵀw/‖Gᵀw‖ stays of length c. The small constants keep a zero gradient finite; a step
 * whose inner products are not finite is skipped and counted ({@code skipped_steps}).
 */
public final class CaGrad implements Strategy {
  /** What the bent gradient is divided by. */
  public enum Rescale {
    /** Nothing. */
    NONE,
    /** 1 + calpha² (the code's default). */
    ONE_PLUS_ALPHA_SQUARED,
    /** 1 + calpha. */
    ONE_PLUS_ALPHA
  }

  private static final double EPSILON = 1e-8;
  private static final int MAX_ITERATIONS = 10_000;

  private final Options options;

  /** CAGrad with {@code options}. */
  public CaGrad(Options options) {
    this.options = options;
  }

  /**
   * CAGrad's options.
   *
   * @param calpha the radius of the ball around the mean gradient, as a multiple of its norm, ≥ 0;
   *     default 0.4 (the authors' NYUv2 script; LibMTL's default is 0.5)
   * @param rescale what the result is divided by; default {@code one-plus-alpha-squared}
   */
  public record Options(double calpha, Rescale rescale) implements MethodOptions {
    /** Checks both. */
    public Options {
      MethodOptions.require(
          calpha >= 0 && Double.isFinite(calpha), "CAGrad calpha", calpha, "a finite number ≥ 0");
      MethodOptions.requireChoice("CAGrad rescale", rescale, Rescale.class);
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(0.4, Rescale.ONE_PLUS_ALPHA_SQUARED);
    }

    /** With radius {@code a}. */
    public Options calpha(double a) {
      return new Options(a, rescale);
    }

    /** With the result divided as {@code r} says. */
    public Options rescale(Rescale r) {
      return new Options(calpha, r);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    return GramSteps.train(
        run, false, (gram, losses) -> combine(gram, options), Weights.ones(run.taskCount()));
  }

  /** CAGrad's trunk coefficients from the Gram matrix {@code gram} of the tasks' gradients. */
  static Combination combine(double[][] gram, Options options) {
    int k = gram.length;
    double mean = 0;
    for (double[] row : gram) {
      for (double x : row) {
        mean += x / (k * k);
      }
    }
    double c = options.calpha() * Math.sqrt(Math.max(0, mean) + EPSILON) + EPSILON;
    double[] w = worstCaseWeights(gram, c);
    double lambda = c / (Math.sqrt(Math.max(0, GramSteps.form(w, gram, w))) + EPSILON);
    double a = options.calpha();
    double divisor =
        switch (options.rescale()) {
          case NONE -> 1;
          case ONE_PLUS_ALPHA_SQUARED -> 1 + a * a;
          case ONE_PLUS_ALPHA -> 1 + a;
        };
    double[] trunk = new double[k];
    for (int i = 0; i < k; i++) {
      trunk[i] = k * (1.0 / k + lambda * w[i]) / divisor;
    }
    return new Combination(trunk, Weights.ones(k));
  }

  /**
   * The w on the simplex that minimise wᵀA·1/K + c·√(wᵀAw + 1e-8), a convex function: projected
   * gradient descent from the uniform w, its step halved until it gains at least what its linear
   * model promises less the step's squared length over twice the step, and grown by half after each
   * step taken, until w moves by less than 1e-13.
   */
  static double[] worstCaseWeights(double[][] gram, double c) {
    int k = gram.length;
    double[] ab = GramSteps.times(gram, uniform(k));
    double[] w = uniform(k);
    double f = objective(gram, ab, c, w);
    double trace = 0;
    for (int i = 0; i < k; i++) {
      trace += gram[i][i];
    }
    double step = 1 / Math.max(trace * (1 + c / Math.sqrt(EPSILON)), Double.MIN_NORMAL);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double root = Math.sqrt(GramSteps.form(w, gram, w) + EPSILON);
      double[] aw = GramSteps.times(gram, w);
      double[] grad = new double[k];
      for (int i = 0; i < k; i++) {
        grad[i] = ab[i] + c * aw[i] / root;
      }
      double[] next;
      double fNext;
      double moved;
      while (true) {
        double[] trial = new double[k];
        for (int i = 0; i < k; i++) {
          trial[i] = w[i] - step * grad[i];
        }
        next = GramSteps.projectToSimplex(trial);
        fNext = objective(gram, ab, c, next);
        double model = f;
        moved = 0;
        double squared = 0;
        for (int i = 0; i < k; i++) {
          double d = next[i] - w[i];
          model += grad[i] * d;
          squared += d * d;
          moved = Math.max(moved, Math.abs(d));
        }
        model += squared / (2 * step);
        if (fNext <= model || moved < 1e-13) {
          break;
        }
        step /= 2;
      }
      if (moved < 1e-13) {
        return fNext < f ? next : w;
      }
      w = next;
      f = fNext;
      step *= 1.5;
    }
    return w;
  }

  private static double objective(double[][] gram, double[] ab, double c, double[] w) {
    double linear = 0;
    for (int i = 0; i < w.length; i++) {
      linear += w[i] * ab[i];
    }
    return linear + c * Math.sqrt(GramSteps.form(w, gram, w) + EPSILON);
  }

  private static double[] uniform(int k) {
    double[] w = new double[k];
    java.util.Arrays.fill(w, 1.0 / k);
    return w;
  }
}
