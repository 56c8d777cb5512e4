package dev.avil.weighting;

import dev.avil.train.ParamVector;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;
import dev.avil.weighting.AlphaVilOptions.WhileAtChance;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
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
 *   <li>θ ← θ + Σ α_t δ_t (each auxiliary α within the step limit), and the weights follow the
 *       solved αs by the update rule where the evidence for the move is strong enough ({@link
 *       Evidence}).
 * </ol>
 *
 * <p>Until the target has left chance its tuning loss says nothing about the other tasks, so by
 * default ({@link AlphaVilOptions.WhileAtChance#ALONE}) the target trains alone until then: no
 * auxiliary task is trained, stepped against or weighted down before the target has learned. A task
 * that did not train in an epoch has no α that epoch: its α is NaN, recorded as missing. Heads are
 * parameters too: a head's delta is non-zero only for its own task.
 */
public final class AlphaVil implements Strategy {
  /** Largest factor by which the multiplicative rule moves a weight in one epoch. */
  static final double MAX_FACTOR = 2;

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
      Arrays.fill(weights, options.weights().initialWeight());
      weights[0] = 1;
    }
    List<ParamVector> deltas = List.of();
    try (ParamVector theta = run.parameters()) {
      if (options.solver().calibrated()) {
        run.calibrateTuning();
      }
      // while the target is at chance its tuning loss cannot tell the tasks apart
      boolean alone =
          options.weights().whileAtChance() == WhileAtChance.ALONE && !run.targetHasLeftChance();
      double[] trained = alone ? Weights.only(k, 0) : weights;
      deltas = run.passesFrom(theta, trained, options.step().rho());
      AlphaObjective objective = new AlphaObjective(run, theta, deltas);
      if (alone) {
        objective.moveTo(trained);
        double[] none = new double[k];
        Arrays.fill(none, Double.NaN);
        // the weights as they counted this epoch; those held for later stay as they are
        return new EpochWeights(trained.clone(), none, 0);
      }
      AlphaSolver.Solution s = solve(objective, k);
      double[] alpha = options.solver().targetAlphaFixed() ? withTarget(s.alpha()) : s.alpha();
      // the tasks whose α was solved for and can move: those that trained, less a fixed target
      int[] live =
          IntStream.range(options.solver().targetAlphaFixed() ? 1 : 0, k)
              .filter(t -> weights[t] > 0)
              .toArray();
      boolean[] evident =
          Evidence.supported(objective, alpha, weights, live, run, options.weights());
      double[] applied = step(alpha);
      // last: the evidence and the guard leave the model where they evaluated
      objective.moveTo(options.step().guardStep() ? guarded(applied, objective::value) : applied);
      double[] recorded = alpha.clone();
      for (int t = 0; t < k; t++) {
        if (!(weights[t] > 0)) {
          recorded[t] = Double.NaN; // it made no pass, so it has no α
        }
      }
      weights = updatedWeights(weights, alpha, evident, options.weights(), passes(run));
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
          options.solver().alphaInit() == AlphaVilOptions.AlphaInit.ONE || weights[t] <= 0
              ? 1
              : weights[t];
    }
    if (!options.solver().targetAlphaFixed()) {
      return AlphaSolver.solve(objective::valueAndGradient, start, options.solver());
    }
    return AlphaSolver.solve(
        b -> withoutTarget(objective.valueAndGradient(withTarget(b))),
        Arrays.copyOfRange(start, 1, k),
        options.solver());
  }

  /** The αs of the merged step: each auxiliary α within the step limit. */
  private double[] step(double[] alpha) {
    double[] step = alpha.clone();
    double limit = options.step().stepLimit();
    for (int t = 1; t < step.length; t++) {
      step[t] = Math.max(-limit, Math.min(limit, step[t]));
    }
    return step;
  }

  /**
   * The merged step's αs {@code step}, or the target's step alone (every auxiliary α 0, the
   * target's as in {@code step}) where its tuning loss is lower.
   */
  static double[] guarded(double[] step, ToDoubleFunction<double[]> tuningLoss) {
    double[] alone = Weights.only(step.length, 0);
    alone[0] = step[0];
    return tuningLoss.applyAsDouble(alone) < tuningLoss.applyAsDouble(step) ? alone : step;
  }

  /** The value with its gradient in the auxiliary αs only. */
  private static AlphaObjective.Value withoutTarget(AlphaObjective.Value v) {
    return new AlphaObjective.Value(
        v.loss(), Arrays.copyOfRange(v.gradient(), 1, v.gradient().length));
  }

  /** α with the target's held at 1, from the auxiliary αs. */
  private static double[] withTarget(double[] aux) {
    double[] alpha = new double[aux.length + 1];
    alpha[0] = 1;
    System.arraycopy(aux, 0, alpha, 1, aux.length);
    return alpha;
  }

  /** Each task's pass length relative to the target's: its training examples, n_t / n_0. */
  static double[] passes(TrainingRun run) {
    double[] p = new double[run.taskCount()];
    for (int t = 0; t < p.length; t++) {
      p[t] = (double) run.trainSize(t) / run.trainSize(0);
    }
    return p;
  }

  /**
   * The α of task {@code t} at which the rule of {@code o} leaves its weight unchanged, given the
   * other αs and, for {@code neutralSizePower}, the tasks' relative pass lengths {@code passes};
   * NaN where the rule never moves that weight (the target under the relative rules).
   */
  static double neutralAlpha(
      int t, double[] alpha, double[] w, AlphaVilWeightRule o, double[] passes) {
    return switch (o.update()) {
      case ADDITIVE -> 1;
      case MULTIPLICATIVE ->
          t == 0 ? Double.NaN : o.neutralAlpha() / Math.pow(passes[t], o.neutralSizePower());
      case TARGET_RELATIVE -> t == 0 ? Double.NaN : alpha[0] * w[t];
      case MEAN_NORMALISED ->
          w[t] * Arrays.stream(alpha).map(a -> Math.max(0, a)).average().orElse(1);
    };
  }

  /**
   * The weights after an epoch whose αs were {@code alpha}, by the rule in {@code o}; only tasks
   * with {@code moves[t]} change (all of them for the mean-normalised rule, which rescales them
   * together, as soon as any may move).
   */
  static double[] updatedWeights(
      double[] w, double[] alpha, boolean[] moves, AlphaVilWeightRule o, double[] passes) {
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
                w[t]
                    * Math.min(
                        MAX_FACTOR,
                        Math.max(1 / MAX_FACTOR, alpha[t] / neutralAlpha(t, alpha, w, o, passes)));
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
