package dev.avil.weighting;

import dev.avil.train.TrainingRun;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Whether the tuning loss supports moving a task's weight: the gain of the solved αs over holding
 * that task at its neutral α, example by example on the tuning data, in paired standard errors.
 */
final class Evidence {
  private Evidence() {}

  /**
   * Which tasks' weights the evidence lets move. For task t, the rule's neutral point (the α_t that
   * leaves its weight as it is) is held while the other αs adapt, on the quadratic model of the
   * loss around α with the Hessian from finite differences of the gradient; that gives α̃. Task t's
   * gain is the tuning loss at α̃ minus the loss at α, example by example, and it must exceed
   * {@code evidence} paired standard errors. Because the other αs adapt, two tasks whose deltas
   * point the same way (a copy of the target) show no gain from either alone, so noise does not
   * tell them apart. Leaves the model wherever it was last evaluated.
   */
  static boolean[] supported(
      AlphaObjective objective,
      double[] alpha,
      double[] weights,
      int[] live,
      TrainingRun run,
      AlphaVilWeightRule rule) {
    boolean[] moves = new boolean[alpha.length];
    if (rule.evidence() <= 0) {
      Arrays.fill(moves, true);
      return moves;
    }
    // the αs that adapt while task t is held: the live ones, and a held target's where asked
    int[] free =
        rule.evidenceBeyondTarget() && live.length > 0 && live[0] != 0
            ? IntStream.concat(IntStream.of(0), Arrays.stream(live)).toArray()
            : live;
    double[][] hessian = hessian(objective, alpha, free);
    objective.moveTo(alpha);
    double[] atAlpha = run.tuneLosses();
    double[] x = select(alpha, free);
    double[] passes = AlphaVil.passes(run);
    for (int t : live) {
      double neutral = AlphaVil.neutralAlpha(t, alpha, weights, rule, passes);
      if (Double.isNaN(neutral)) {
        continue;
      }
      // the constraint aᵀα = b: α_t = neutral, or for the target-relative rule α_t − w_t·α_0 = 0
      double[] a = new double[free.length];
      double b = neutral;
      for (int j = 0; j < free.length; j++) {
        a[j] = free[j] == t ? 1 : 0;
        if (free[j] == 0 && rule.update() == AlphaVilOptions.Update.TARGET_RELATIVE) {
          a[j] = -weights[t];
          b = 0;
        }
      }
      double[] held = Quadratic.constrainedMinimum(hessian, x, a, b);
      double[] back = alpha.clone();
      for (int j = 0; j < free.length; j++) {
        back[free[j]] = held[j];
      }
      objective.moveTo(back);
      moves[t] = pairedZ(run.tuneLosses(), atAlpha) > rule.evidence();
    }
    return moves;
  }

  /** The Hessian of the tuning loss in the live αs, by forward differences of the gradient. */
  private static double[][] hessian(AlphaObjective objective, double[] alpha, int[] live) {
    int n = live.length;
    double h = 1e-2;
    double[] g0 = select(objective.valueAndGradient(alpha).gradient(), live);
    double[][] hess = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] step = alpha.clone();
      step[live[j]] += h;
      double[] g = select(objective.valueAndGradient(step).gradient(), live);
      for (int i = 0; i < n; i++) {
        hess[i][j] = (g[i] - g0[i]) / h;
      }
    }
    for (int i = 0; i < n; i++) { // symmetrise
      for (int j = 0; j < i; j++) {
        hess[i][j] = hess[j][i] = (hess[i][j] + hess[j][i]) / 2;
      }
    }
    return hess;
  }

  private static double[] select(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int j = 0; j < idx.length; j++) {
      out[j] = v[idx[j]];
    }
    return out;
  }

  /**
   * The mean of {@code worse − better}, example by example, in paired standard errors; +∞ for a
   * positive gain without spread.
   */
  static double pairedZ(double[] worse, double[] better) {
    int n = worse.length;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += (worse[i] - better[i]) / n;
    }
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = worse[i] - better[i] - mean;
      ss += d * d;
    }
    double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
    if (se == 0) {
      return mean > 0 ? Double.POSITIVE_INFINITY : 0;
    }
    return mean / se;
  }
}
