package dev.avil.weighting;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Minimises αVIL's inner objective, the target's tuning loss as a function of α, a problem of a few
 * dimensions. Whatever the optimiser, it keeps the best α it evaluated, α = 1 included, so the α it
 * returns never has a higher tuning loss than α = 1.
 *
 * <pre>{@code
 * AlphaSolver.Solution s = AlphaSolver.solve(objective::valueAndGradient, start, options);
 * }</pre>
 */
final class AlphaSolver {
  /** Armijo's sufficient-decrease constant. */
  private static final double ARMIJO = 1e-4;

  /** Longest BFGS step in α (Euclidean), a trust region against wild first steps. */
  private static final double MAX_STEP = 1.0;

  /** Halvings of the step before a line search gives up. */
  private static final int HALVINGS = 12;

  private AlphaSolver() {}

  /**
   * What the solver found.
   *
   * @param alpha the best α evaluated
   * @param loss its tuning loss
   * @param lossAtOne the tuning loss at α = 1
   * @param skipped evaluations whose loss or gradient was not finite
   * @param evaluations loss-and-gradient evaluations made
   */
  record Solution(double[] alpha, double loss, double lossAtOne, int skipped, int evaluations) {}

  /**
   * Minimises {@code f} from {@code start} with the optimiser, steps and learning rate of {@code
   * o}.
   *
   * @throws IllegalStateException if a loss is not finite and {@code o} says to fail
   */
  static Solution solve(
      Function<double[], AlphaObjective.Value> f, double[] start, AlphaVilSolver o) {
    Tracker t = new Tracker(f, o.onNonFinite());
    double[] ones = new double[start.length];
    Arrays.fill(ones, 1);
    AlphaObjective.Value atOne = t.eval(ones);
    AlphaObjective.Value atStart = Arrays.equals(start, ones) ? atOne : t.eval(start);
    switch (o.alphaOptimizer()) {
      case BFGS -> bfgs(t, start, atStart, o.alphaSteps());
      case ADAM, SGD -> firstOrder(t, start, atStart, o);
    }
    return new Solution(t.best.clone(), t.bestLoss, atOne.loss(), t.skipped, t.evaluations);
  }

  private static void firstOrder(
      Tracker t, double[] start, AlphaObjective.Value first, AlphaVilSolver o) {
    int k = start.length;
    double[] alpha = start.clone();
    double lr = o.alphaLearningRate();
    Adam adam = new Adam(k, lr);
    AlphaObjective.Value val = first;
    for (int s = 0; s < o.alphaSteps(); s++) {
      if (s > 0) {
        val = t.eval(alpha);
      }
      if (val == null) {
        break; // a non-finite loss: the step is skipped, and there is no gradient to follow
      }
      double[] g = val.gradient();
      if (o.alphaOptimizer() == AlphaVilOptions.AlphaOptimizer.ADAM) {
        adam.step(alpha, g);
      } else {
        for (int i = 0; i < k; i++) {
          alpha[i] -= lr * g[i];
        }
      }
    }
    if (o.alphaSteps() > 0) {
      t.eval(alpha); // the last step's α is a candidate too
    }
  }

  /**
   * BFGS with a backtracking line search: stops when the gradient or the gain vanishes, a line
   * search fails, or after {@code iterations} line searches. Until the first update of its inverse
   * Hessian it takes {@linkplain #steepest steepest descent}.
   */
  private static void bfgs(Tracker t, double[] start, AlphaObjective.Value first, int iterations) {
    if (first == null) {
      return;
    }
    int k = start.length;
    double[] x = start.clone();
    double fx = first.loss();
    double[] g = first.gradient();
    double[][] h = null; // inverse Hessian estimate; scaled identity until the first update
    for (int it = 0; it < iterations && norm(g) > 0; it++) {
      double[] p = h == null ? steepest(g) : scaled(multiply(h, g), -1);
      double slope = dot(p, g);
      if (!(slope < 0)) { // not a descent direction: restart from steepest descent
        h = null;
        p = steepest(g);
        slope = dot(p, g);
      }
      double len = norm(p);
      double step = len > MAX_STEP ? MAX_STEP / len : 1;
      double[] xNew = null;
      AlphaObjective.Value vNew = null;
      for (int tries = 0; tries < HALVINGS; tries++, step /= 2) {
        double[] trial = plus(x, scaled(p, step));
        AlphaObjective.Value v = t.eval(trial);
        if (v != null && v.loss() <= fx + ARMIJO * step * slope) {
          xNew = trial;
          vNew = v;
          break;
        }
      }
      if (vNew == null) {
        return;
      }
      double[] s = minus(xNew, x);
      double[] y = minus(vNew.gradient(), g);
      double sy = dot(s, y);
      if (sy > 1e-12) {
        if (h == null) {
          h = identity(k, sy / dot(y, y));
        }
        h = updated(h, s, y, sy);
      }
      double gain = fx - vNew.loss();
      x = xNew;
      fx = vNew.loss();
      g = vNew.gradient();
      if (gain < 1e-7 * Math.max(1, Math.abs(fx))) {
        return;
      }
    }
  }

  /**
   * Steepest descent as long as the trust region: α's scale is fixed (α = 1 applies a delta as it
   * trained), the gradient's is not (it shrinks with the deltas, as under AdamW's small steps), so
   * a first step of the gradient's own length could stop the search where it started.
   */
  private static double[] steepest(double[] g) {
    return scaled(g, -MAX_STEP / norm(g));
  }

  /** The BFGS update of the inverse Hessian: (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ. */
  private static double[][] updated(double[][] h, double[] s, double[] y, double sy) {
    int k = s.length;
    double rho = 1 / sy;
    double[] hy = multiply(h, y);
    double yhy = dot(y, hy);
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        out[i][j] =
            h[i][j] - rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
    return out;
  }

  /** Evaluates, counts, and remembers the best α seen. */
  private static final class Tracker {
    final Function<double[], AlphaObjective.Value> f;
    final AlphaVilOptions.OnNonFinite onNonFinite;
    double[] best;
    double bestLoss = Double.POSITIVE_INFINITY;
    int skipped;
    int evaluations;

    Tracker(Function<double[], AlphaObjective.Value> f, AlphaVilOptions.OnNonFinite onNonFinite) {
      this.f = f;
      this.onNonFinite = onNonFinite;
    }

    /** The value at {@code alpha}, or null if it is not finite (and the options say to skip). */
    AlphaObjective.Value eval(double[] alpha) {
      evaluations++;
      AlphaObjective.Value v = f.apply(alpha.clone());
      if (!Double.isFinite(v.loss()) || !Arrays.stream(v.gradient()).allMatch(Double::isFinite)) {
        if (onNonFinite == AlphaVilOptions.OnNonFinite.FAIL) {
          throw new IllegalStateException(
              "αVIL: the target's tuning loss is "
                  + v.loss()
                  + " at α = "
                  + Arrays.toString(alpha)
                  + "; use onNonFinite(SKIP) to skip such steps");
        }
        skipped++;
        return null;
      }
      if (best == null || v.loss() < bestLoss) {
        best = alpha.clone();
        bestLoss = v.loss();
      }
      return v;
    }
  }

  /** The inner product of two vectors of the same length. */
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double[] scaled(double[] a, double c) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = c * a[i];
    }
    return out;
  }

  private static double[] plus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }

  private static double[] minus(double[] a, double[] b) {
    return plus(a, scaled(b, -1));
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = dot(m[i], v);
    }
    return out;
  }

  private static double[][] identity(int k, double scale) {
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      out[i][i] = scale;
    }
    return out;
  }
}
