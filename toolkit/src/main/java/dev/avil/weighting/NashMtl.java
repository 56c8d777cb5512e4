package dev.avil.weighting;

import dev.avil.train.Combination;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * Nash-MTL (Navon, Shamsian, Achituve, Maron, Kawaguchi, Chechik &amp; Fetaya, "Multi-Task Learning
 * as a Bargaining Game", ICML 2022), following the authors' {@code methods/weight_methods.py}
 * (AvivNavon/nash-mtl) as LibMTL's {@code weighting/Nash_MTL.py} ports it: each step takes a batch
 * of every task and weighs the tasks' losses by the α &gt; 0 that solve GᵀG·α = 1/α elementwise,
 * the Nash bargaining solution, where G holds the tasks' trunk gradients; then the trunk's
 * gradient, Σ_k α_k·g_k, is clipped to a norm of at most {@code maxNorm} (1).
 *
 * <p>Where this differs from the code: the code normalises GᵀG by its Frobenius norm and puts the
 * factor back into its constraints α_k·(GᵀG·α)_k ≥ 1, so its solution is that of the raw equations,
 * as here; but it takes at most 20 convex-concave steps, each a conic program, while this solves
 * the same equations to convergence by Newton's method on the convex φ(α) = ½αᵀGᵀGα − Σ log α_k,
 * whose gradient vanishes exactly there. At the solution αᵀGᵀGα = K, so the unclipped trunk
 * gradient always has norm √K and the clip (for K ≥ 2) scales it to 1. The heads learn from their
 * own gradients at weight 1, as LibMTL's heads do, where the code's weighted loss gives them α_k
 * times theirs, unclipped: α_k grows as the inverse of task k's gradient, so once a small target
 * fits its training data, its head would take steps of a thousand times its gradient and more (the
 * study's runs on MultiMNIST reached α 1e35 and a training loss of NaN).
 *
 * <p>The recorded weight of a task is its coefficient in the clipped trunk step, averaged over the
 * epoch's steps. A task with a zero gradient has no solution (its equation asks 1/α_k = 0), so such
 * a step is skipped and counted ({@code skipped_steps}), as is one whose inner products are not
 * finite or whose solve does not converge.
 */
public final class NashMtl implements Strategy {
  private static final int MAX_ITERATIONS = 500;
  private static final double TOLERANCE = 1e-10;

  private final Options options;

  /** Nash-MTL with {@code options}. */
  public NashMtl(Options options) {
    this.options = options;
  }

  /**
   * Nash-MTL's options.
   *
   * @param maxNorm the largest norm of the trunk's gradient, &gt; 0, or 0 for no clip; default 1
   */
  public record Options(double maxNorm) implements MethodOptions {
    /** Checks the norm. */
    public Options {
      MethodOptions.require(
          maxNorm >= 0 && Double.isFinite(maxNorm),
          "Nash-MTL max norm",
          maxNorm,
          "a finite number ≥ 0 (0 for no clip)");
    }

    /** The defaults. */
    public static Options defaults() {
      return new Options(1);
    }

    /** With the trunk's gradient clipped to norm {@code v} (0: no clip). */
    public Options maxNorm(double v) {
      return new Options(v);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    return GramSteps.train(run, false, (gram, losses) -> combine(gram, options.maxNorm()), null);
  }

  /**
   * Nash-MTL's step from the Gram matrix {@code gram} of the tasks' gradients: α scaled by the clip
   * on the trunk, each head at 1; null where there is no solution.
   */
  static Combination combine(double[][] gram, double maxNorm) {
    double[] alpha = solve(gram);
    if (alpha == null) {
      return null;
    }
    double norm = Math.sqrt(Math.max(0, GramSteps.form(alpha, gram, alpha)));
    double scale = maxNorm > 0 && norm > maxNorm ? maxNorm / norm : 1;
    double[] trunk = new double[alpha.length];
    for (int k = 0; k < alpha.length; k++) {
      trunk[k] = alpha[k] * scale;
    }
    return new Combination(trunk, Weights.ones(alpha.length));
  }

  /**
   * The α &gt; 0 with (gram·α)_k = 1/α_k for every k: Newton's method on the strictly convex φ(α) =
   * ½αᵀ·gram·α − Σ log α_k from α = 1/√diag, each step halved until it stays positive and φ falls;
   * null if a diagonal entry is 0 (no solution) or it does not converge.
   */
  static double[] solve(double[][] gram) {
    int k = gram.length;
    double[] alpha = new double[k];
    for (int i = 0; i < k; i++) {
      if (!(gram[i][i] > 0)) {
        return null;
      }
      alpha[i] = 1 / Math.sqrt(gram[i][i]);
    }
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] ga = GramSteps.times(gram, alpha);
      double[] grad = new double[k];
      double residual = 0;
      double[][] hessian = new double[k][k];
      for (int i = 0; i < k; i++) {
        grad[i] = ga[i] - 1 / alpha[i];
        residual = Math.max(residual, Math.abs(grad[i] * alpha[i])); // |α_k (Gα)_k − 1|
        for (int j = 0; j < k; j++) {
          hessian[i][j] = gram[i][j] + (i == j ? 1 / (alpha[i] * alpha[i]) : 0);
        }
      }
      if (residual < TOLERANCE) {
        return alpha;
      }
      double[] direction = Quadratic.solve(hessian, grad);
      // the damped Newton step of a self-concordant function stays positive and always gains
      double decrement = Math.sqrt(Math.max(0, AlphaSolver.dot(grad, direction)));
      double t = decrement < 0.25 ? 1 : 1 / (1 + decrement);
      for (int i = 0; i < k; i++) {
        alpha[i] -= t * direction[i];
        if (!(alpha[i] > 0)) {
          return null;
        }
      }
    }
    return null;
  }
}
