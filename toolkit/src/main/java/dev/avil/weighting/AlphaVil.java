package dev.avil.weighting;

import dev.avil.train.ParamVector;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import java.util.Arrays;
import java.util.List;

/**
 * αVIL (Kaiser et al., "αVIL: Learning to Leverage Auxiliary Tasks for Multitask Learning", arXiv
 * 2405.07769). Each epoch:
 *
 * <ol>
 *   <li>from the same parameters θ, every task t with a positive weight trains one pass over a
 *       ρ-sample of its data with its loss scaled by w_t, giving δ_t = θ_t − θ;
 *   <li>the αs minimise the target's loss on the tuning part of its dev split at θ + Σ α_t δ_t,
 *       by {@code alphaSteps} steps of the α optimiser ({@link AlphaObjective});
 *   <li>θ ← θ + Σ α_t δ_t, and the weights follow the αs by the update rule, then are clamped.
 * </ol>
 *
 * <p>Defaults are in {@link AlphaVilOptions}. Heads are parameters too: a head's delta is non-zero
 * only for its own task.
 */
public final class AlphaVil implements Strategy {
  private final AlphaVilOptions options;
  private double[] weights;

  /** αVIL with {@code options}. */
  public AlphaVil(AlphaVilOptions options) {
    this.options = options;
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    if (weights == null) {
      weights = new double[k];
      Arrays.fill(weights, 1);
    }
    List<ParamVector> deltas = List.of();
    try (ParamVector theta = run.parameters()) {
      deltas = run.passesFrom(theta, weights, options.rho());
      double[] alpha = new double[k];
      for (int t = 0; t < k; t++) {
        alpha[t] = options.alphaInit() == AlphaVilOptions.AlphaInit.ONE ? 1 : weights[t];
      }
      AlphaObjective objective = new AlphaObjective(run, theta, deltas);
      int skipped = optimise(objective, alpha);
      objective.moveTo(alpha);
      weights = updatedWeights(weights, alpha, options);
      return new EpochWeights(weights.clone(), alpha, skipped);
    } finally {
      deltas.forEach(ParamVector::close);
    }
  }

  private int optimise(AlphaObjective objective, double[] alpha) {
    int k = alpha.length;
    double[] m = new double[k];
    double[] v = new double[k];
    double lr = options.alphaLearningRate();
    int skipped = 0;
    int step = 0;
    for (int s = 0; s < options.alphaSteps(); s++) {
      AlphaObjective.Value val = objective.valueAndGradient(alpha);
      double[] g = val.gradient();
      if (!Double.isFinite(val.loss()) || !Arrays.stream(g).allMatch(Double::isFinite)) {
        if (options.onNonFinite() == AlphaVilOptions.OnNonFinite.FAIL) {
          throw new IllegalStateException(
              "αVIL: the target's dev loss is " + val.loss() + " at α = " + Arrays.toString(alpha)
                  + " (α step " + (s + 1) + "); use onNonFinite(SKIP) to skip such steps");
        }
        skipped++;
        continue;
      }
      step++;
      for (int t = 0; t < k; t++) {
        if (options.alphaOptimizer() == AlphaVilOptions.AlphaOptimizer.ADAM) {
          m[t] = 0.9 * m[t] + 0.1 * g[t];
          v[t] = 0.999 * v[t] + 0.001 * g[t] * g[t];
          double mHat = m[t] / (1 - Math.pow(0.9, step));
          double vHat = v[t] / (1 - Math.pow(0.999, step));
          alpha[t] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
        } else {
          alpha[t] -= lr * g[t];
        }
      }
    }
    return skipped;
  }

  /** The weights after an epoch whose αs were {@code alpha}, by the rule in {@code o}. */
  static double[] updatedWeights(double[] w, double[] alpha, AlphaVilOptions o) {
    int k = w.length;
    double[] out = new double[k];
    switch (o.update()) {
      case ADDITIVE -> {
        for (int t = 0; t < k; t++) {
          out[t] = w[t] + (alpha[t] - 1);
        }
      }
      case MEAN_NORMALISED -> {
        double sum = 0;
        for (int t = 0; t < k; t++) {
          out[t] = Math.max(0, alpha[t]);
          sum += out[t];
        }
        double mean = sum / k;
        for (int t = 0; t < k; t++) {
          out[t] = mean > 0 ? out[t] / mean : 1;
        }
      }
      case TARGET_RELATIVE -> {
        out[0] = 1;
        double at = Math.max(alpha[0], 1e-3);
        for (int t = 1; t < k; t++) {
          out[t] = alpha[t] / at;
        }
      }
    }
    for (int t = 0; t < k; t++) {
      out[t] = Math.min(o.clampMax(), Math.max(o.clampMin(), out[t]));
    }
    return out;
  }
}
