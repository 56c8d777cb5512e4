package dev.avil.weighting;

import dev.avil.train.ParamVector;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import dev.avil.weighting.AlphaVilOptions.WhileAtChance;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * αVIL (Kourdis, Gordon-Hall and Gorinski, "αVIL: Learning to Leverage Auxiliary Tasks for
 * Multitask Learning", arXiv 2405.07769, 2024). Each epoch:
 *
 * <ol>
 *   <li>from the same parameters θ, every task t with a positive weight trains one pass over a
 *       ρ-sample of its data with its loss scaled by w_t, giving δ_t = θ_t − θ;
 *   <li>the αs minimise the target's loss on the tuning part of its dev split at θ + Σ α_t δ_t
 *       ({@link AlphaObjective}, solved by {@link AlphaSolver}); the best α evaluated is kept, α =
 *       1 included;
 *   <li>θ ← θ + Σ α_t δ_t (each auxiliary α within ±{@code stepLimit}), and the weights follow the
 *       solved αs by the update rule where the evidence for the move is strong enough ({@link
 *       AlphaVilOptions#evidence}), then are clamped.
 * </ol>
 *
 * <p>A task that did not train in an epoch has no α that epoch: its α is NaN, recorded as missing.
 * Defaults and the paper's recipe are in {@link AlphaVilOptions}. Heads are parameters too: a
 * head's delta is non-zero only for its own task.
 */
public final class AlphaVil implements Strategy {
  /** Largest factor by which the multiplicative rule moves a weight in one epoch. */
  static final double MAX_FACTOR = 2;

  private final AlphaVilOptions options;
  private double[] weights;
  private int epochs;

  /** αVIL with {@code options}. */
  public AlphaVil(AlphaVilOptions options) {
    this.options = options;
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    int k = run.taskCount();
    if (weights == null) {
      weights = Weights.ones(k);
    }
    epochs++;
    List<ParamVector> deltas = List.of();
    try (ParamVector theta = run.parameters()) {
      if (options.solver().calibrated()) {
        run.calibrateTuning();
      }
      WhileAtChance atChance = options.weights().whileAtChance();
      boolean waiting = atChance != WhileAtChance.SOLVE && !run.targetHasLeftChance();
      // while the target is at chance its tuning loss cannot tell the tasks apart
      double[] trained = waiting && atChance == WhileAtChance.ALONE ? Weights.only(k, 0) : weights;
      deltas = run.passesFrom(theta, trained, options.step().rho());
      AlphaObjective objective = new AlphaObjective(run, theta, deltas);
      if (waiting) {
        objective.moveTo(atChance == WhileAtChance.ALONE ? Weights.only(k, 0) : Weights.ones(k));
        double[] none = new double[k];
        Arrays.fill(none, Double.NaN);
        // the weights as they counted this epoch; the ones held for later stay as they are
        return new EpochWeights(trained.clone(), none, 0);
      }
      AlphaSolver.Solution s = solve(objective, k);
      double[] alpha = options.solver().targetFixed() ? withTarget(s.alpha()) : s.alpha();
      // the tasks whose α was solved for and can move: those that trained, less a fixed target
      int[] live =
          IntStream.range(options.solver().targetFixed() ? 1 : 0, k)
              .filter(t -> weights[t] > 0)
              .toArray();
      boolean weightsMove = epochs > options.weights().warmup();
      boolean[] evident = new boolean[k];
      if (weightsMove || options.step().followsEvidence()) {
        double[][] hessian =
            options.weights().evidence() > 0 ? hessian(objective, alpha, live) : null;
        evident = supported(objective, alpha, hessian, live, run);
      }
      objective.moveTo(step(alpha, evident));
      double[] recorded = alpha.clone();
      for (int t = 0; t < k; t++) {
        if (!(weights[t] > 0)) {
          recorded[t] = Double.NaN; // it made no pass, so it has no α
        }
      }
      if (weightsMove) {
        weights = updatedWeights(weights, alpha, evident, options.weights());
      }
      return new EpochWeights(weights.clone(), recorded, s.skipped());
    } finally {
      deltas.forEach(ParamVector::close);
    }
  }

  /** The αs that minimise the tuning loss, from where the options say to start. */
  private AlphaSolver.Solution solve(AlphaObjective objective, int k) {
    double[] start = new double[k];
    for (int t = 0; t < k; t++) {
      start[t] =
          options.solver().init() == AlphaVilOptions.AlphaInit.ONE || weights[t] <= 0
              ? 1
              : weights[t];
    }
    if (!options.solver().targetFixed()) {
      return AlphaSolver.solve(objective::valueAndGradient, start, options.solver());
    }
    return AlphaSolver.solve(
        b -> withoutTarget(objective.valueAndGradient(withTarget(b))),
        Arrays.copyOfRange(start, 1, k),
        options.solver());
  }

  /**
   * The αs of the merged step: each auxiliary α within the step limit (and at least 0 without
   * negative steps), and where the step follows the evidence, the rule's neutral α for a task whose
   * weight the evidence did not move.
   */
  private double[] step(double[] alpha, boolean[] evident) {
    double[] step = alpha.clone();
    double limit = options.step().limit();
    for (int t = 1; t < step.length; t++) {
      if (options.step().followsEvidence() && !evident[t]) {
        double neutral = neutralAlpha(t, alpha, weights, options.weights());
        step[t] = Double.isNaN(neutral) ? step[t] : neutral;
      }
      double floor = options.step().negative() ? -limit : 0;
      step[t] = Math.max(floor, Math.min(limit, step[t]));
    }
    return step;
  }

  /** α with the target's held at 1, from the auxiliary αs. */
  private static double[] withTarget(double[] aux) {
    double[] alpha = new double[aux.length + 1];
    alpha[0] = 1;
    System.arraycopy(aux, 0, alpha, 1, aux.length);
    return alpha;
  }

  /** The value with its gradient in the auxiliary αs only. */
  private static AlphaObjective.Value withoutTarget(AlphaObjective.Value v) {
    return new AlphaObjective.Value(
        v.loss(), Arrays.copyOfRange(v.gradient(), 1, v.gradient().length));
  }

  /**
   * Which tasks' weights the evidence lets move. For task t, the rule's neutral point (the α_t that
   * leaves its weight as it is) is held while the other αs adapt, on the quadratic model of the
   * loss around α with the Hessian from finite differences of the gradient; that gives α̃. Task t's
   * gain is the tuning loss at α̃ minus the loss at α, example by example, and it must exceed
   * {@code evidence} paired standard errors. Because the other αs adapt, two tasks whose deltas
   * point the same way (a copy of the target) show no gain from either alone, so noise does not
   * tell them apart. Leaves the model wherever it was last evaluated.
   */
  private boolean[] supported(
      AlphaObjective objective, double[] alpha, double[][] hessian, int[] live, TrainingRun run) {
    boolean[] moves = new boolean[alpha.length];
    AlphaVilOptions.WeightRule rule = options.weights();
    if (rule.evidence() <= 0) {
      Arrays.fill(moves, true);
      return moves;
    }
    objective.moveTo(alpha);
    double[] atAlpha = run.tuneLosses();
    double[] x = select(alpha, live);
    for (int t : live) {
      double neutral = neutralAlpha(t, alpha, weights, rule);
      if (Double.isNaN(neutral)) {
        continue;
      }
      // the constraint aᵀα = b: α_t = neutral, or for the target-relative rule α_t − w_t·α_0 = 0
      double[] a = new double[live.length];
      double b = neutral;
      for (int j = 0; j < live.length; j++) {
        a[j] = live[j] == t ? 1 : 0;
        if (live[j] == 0 && rule.update() == AlphaVilOptions.Update.TARGET_RELATIVE) {
          a[j] = -weights[t];
          b = 0;
        }
      }
      double[] held = Quadratic.constrainedMinimum(hessian, x, a, b);
      double[] back = alpha.clone();
      for (int j = 0; j < live.length; j++) {
        back[live[j]] = held[j];
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
   * The α of task {@code t} at which the rule of {@code o} leaves its weight unchanged, given the
   * other αs; NaN where the rule never moves that weight (the target under the relative rules).
   */
  static double neutralAlpha(int t, double[] alpha, double[] w, AlphaVilOptions.WeightRule o) {
    return switch (o.update()) {
      case ADDITIVE -> 1;
      case MULTIPLICATIVE -> t == 0 ? Double.NaN : o.neutralAlpha();
      case TARGET_RELATIVE -> t == 0 ? Double.NaN : alpha[0] * w[t];
      case MEAN_NORMALISED ->
          w[t] * Arrays.stream(alpha).map(a -> Math.max(0, a)).average().orElse(1);
    };
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

  /**
   * The weights after an epoch whose αs were {@code alpha}, by the rule in {@code o}; only tasks
   * with {@code moves[t]} change (all of them for the mean-normalised rule, which rescales them
   * together, as soon as any may move).
   */
  static double[] updatedWeights(
      double[] w, double[] alpha, boolean[] moves, AlphaVilOptions.WeightRule o) {
    int k = w.length;
    double[] out = w.clone();
    switch (o.update()) {
      case ADDITIVE -> {
        for (int t = 0; t < k; t++) {
          if (moves[t]) {
            out[t] = w[t] + (alpha[t] - 1);
          }
        }
      }
      case MULTIPLICATIVE -> {
        out[0] = 1;
        for (int t = 1; t < k; t++) {
          if (moves[t]) {
            out[t] =
                w[t] * Math.min(MAX_FACTOR, Math.max(1 / MAX_FACTOR, alpha[t] / o.neutralAlpha()));
          }
        }
      }
      case MEAN_NORMALISED -> {
        boolean any = false;
        for (boolean m : moves) {
          any |= m;
        }
        if (any) {
          double mean = Arrays.stream(alpha).map(a -> Math.max(0, a)).average().orElse(0);
          for (int t = 0; t < k; t++) {
            out[t] = mean > 0 ? Math.max(0, alpha[t]) / mean : 1;
          }
        }
      }
      case TARGET_RELATIVE -> {
        out[0] = 1;
        double at = Math.max(alpha[0], 1e-3);
        for (int t = 1; t < k; t++) {
          if (moves[t]) {
            out[t] = alpha[t] / at;
          }
        }
      }
    }
    for (int t = 0; t < k; t++) {
      if (t == 0 && o.update() == AlphaVilOptions.Update.MULTIPLICATIVE) {
        continue;
      }
      out[t] = Math.min(o.resolvedMaxWeight(), Math.max(o.minWeight(), out[t]));
    }
    return out;
  }
}
