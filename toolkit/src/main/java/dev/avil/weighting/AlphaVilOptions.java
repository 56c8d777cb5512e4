package dev.avil.weighting;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * αVIL's options, each with a default. Immutable: every wither returns a new instance, so options
 * read as a chain.
 *
 * <pre>{@code
 * Method.alphaVil(a -> a.rho(0.5).evidence(3));
 * Method.alphaVil(a -> AlphaVilOptions.paper());          // the recipe recalled from the paper
 * }</pre>
 *
 * <p>What the αVIL paper confirms: per epoch every task trains from the same parameters θ on a
 * ρ-sample of its data with its loss scaled by its weight, giving δ_t; the αs minimise the target's
 * dev loss at θ + Σ α_t δ_t; then the parameters and the weights are updated from the αs. What it
 * leaves open is an option here.
 *
 * <p>The defaults keep the size of the α signal and separate "how far to step" from "how much a
 * task counts": the target's own delta is applied as it trained (how far to step is the model's
 * learning rate), the auxiliary αs are solved for with BFGS to convergence ({@link
 * AlphaOptimizer#BFGS}), and each auxiliary α, measured against that task's own delta, moves its
 * weight multiplicatively against a neutral α ({@link #neutralAlpha}), only where the gain in
 * tuning loss is larger than its noise ({@link #evidence}). The target always trains with weight 1,
 * and no auxiliary weight falls below the floor, so a task can come back ({@link
 * Update#MULTIPLICATIVE}).
 *
 * @param rho fraction of each task's training data sampled per epoch, in (0, 1]
 * @param alphaSteps the α optimiser's iterations per epoch (Adam and SGD: steps; BFGS: at most this
 *     many line searches)
 * @param alphaOptimizer the α optimiser
 * @param alphaLearningRate the step size of Adam and SGD (BFGS needs none)
 * @param alphaInit where α starts each epoch
 * @param update how the weights follow the αs
 * @param minWeight the lowest weight a task can have after an update (for {@link
 *     Update#MULTIPLICATIVE}, of the auxiliary tasks; the target's stays 1)
 * @param maxWeight the highest weight; NaN resolves by rule (2 for {@link Update#TARGET_RELATIVE}
 *     and {@link Update#MULTIPLICATIVE}, unbounded otherwise)
 * @param evidence how many paired standard errors the gain in tuning loss from a task's α must
 *     exceed before its weight moves; 0 moves weights on any gain
 * @param warmup epochs at the start in which the weights stay where they are (the parameters still
 *     take the α-merged step)
 * @param onNonFinite what a non-finite tuning loss during the α search does
 * @param stepLimit the merged step takes each auxiliary α within [−stepLimit, stepLimit]; the
 *     weights still follow the α as solved. A greedy α far above 1 extrapolates a task's step, and
 *     with a large weight that can throw the model out of its basin in one epoch; an α below 0
 *     trains against the task, which helps where the task harms the target. Infinite: as solved.
 * @param targetAlphaFixed whether the target's α is held at 1, so that its own delta is applied as
 *     it trained and only the auxiliary αs are solved for. A greedy, one-epoch α on the target's
 *     own step is short-horizon biased (Wu et al. 2018): it shortens the step and slows learning.
 * @param neutralAlpha for {@link Update#MULTIPLICATIVE}: the auxiliary α at which a weight stays as
 *     it is; the weight is multiplied by α / neutralAlpha. At 1 a task keeps its weight only if the
 *     target wants all of its delta on top of the target's own full step; a task whose data
 *     overlaps the target's (more data of the same task) earns less than that, because the two
 *     steps overlap.
 * @param calibrated whether the tuning loss is measured at a temperature fitted each epoch at θ:
 *     the logits are scaled by the factor that minimises the tuning loss at θ, and the α search
 *     keeps that factor. An overfitted target is over-confident, so any delta that only softens its
 *     logits (random labels do) lowers the plain tuning loss and earns an α; at the fitted
 *     temperature a pure softening gains nothing to first order.
 */
public record AlphaVilOptions(
    double rho,
    int alphaSteps,
    AlphaOptimizer alphaOptimizer,
    double alphaLearningRate,
    AlphaInit alphaInit,
    Update update,
    double minWeight,
    double maxWeight,
    double evidence,
    int warmup,
    OnNonFinite onNonFinite,
    boolean targetAlphaFixed,
    double stepLimit,
    double neutralAlpha,
    boolean calibrated)
    implements MethodOptions {

  /** How the task weights follow the αs after each epoch. */
  public enum Update {
    /**
     * Target weight 1; each auxiliary weight is multiplied by α / neutralAlpha, by a factor of at
     * most 2 either way per epoch (a non-positive α halves it), kept in [minWeight, maxWeight]. α_t
     * is measured against task t's own delta beside the target's full step: a task whose delta the
     * target wants at least the neutral share of keeps or gains weight, a harmful one falls to the
     * floor, whatever the sizes of their data. The default.
     */
    MULTIPLICATIVE,
    /**
     * {@code w ← w + (α − 1)} for every task, the target's too: the rule recalled from the paper.
     */
    ADDITIVE,
    /** {@code w ← max(α, 0) / mean(max(α, 0))}: weights rescaled to mean 1. */
    MEAN_NORMALISED,
    /** Target weight 1, auxiliary {@code w ← α / α_target} (α_target floored at 1e-3). */
    TARGET_RELATIVE
  }

  /** Where α starts each epoch. */
  public enum AlphaInit {
    /** α = 1: start from the plain sum of the deltas. */
    ONE,
    /**
     * α = the task's current weight. Do not combine with {@link Update#ADDITIVE}: w ← w + α − 1
     * from α ≈ w gives about 2w − 1, so weights double each epoch and training diverges (on
     * MultiMNIST, weights in the hundreds by epoch 10 and a NaN loss). Use it only with a rule that
     * bounds the weights.
     */
    WEIGHT
  }

  /** The optimiser of the αs. */
  public enum AlphaOptimizer {
    /**
     * BFGS with a backtracking (Armijo) line search, steps of at most 1 in α, until the gradient or
     * the gain vanishes: solves the small k-dimensional problem, so the αs keep their size.
     */
    BFGS,
    /** Adam (β1 0.9, β2 0.999, ε 1e-8), fresh each epoch, a fixed number of steps. */
    ADAM,
    /** Plain gradient descent, a fixed number of steps. */
    SGD
  }

  /** What to do when the target's dev loss is not finite during an α step. */
  public enum OnNonFinite {
    /** Skip that α step and count it in the results. */
    SKIP,
    /** Stop the run with an error. */
    FAIL
  }

  /** Checks every option; the message names the bad value and what is accepted. */
  public AlphaVilOptions {
    if (!(rho > 0 && rho <= 1)) {
      throw new IllegalArgumentException("rho " + rho + " must be in (0, 1]");
    }
    if (alphaSteps < 0) {
      throw new IllegalArgumentException("alpha steps " + alphaSteps + " must be ≥ 0");
    }
    if (!(alphaLearningRate > 0 && Double.isFinite(alphaLearningRate))) {
      throw new IllegalArgumentException(
          "alpha learning rate " + alphaLearningRate + " must be a finite number > 0");
    }
    if (!(minWeight >= 0)) {
      throw new IllegalArgumentException("minimum weight " + minWeight + " must be ≥ 0");
    }
    if (!(Double.isNaN(maxWeight) || maxWeight >= minWeight)) {
      throw new IllegalArgumentException(
          "maximum weight "
              + maxWeight
              + " must be ≥ the minimum weight "
              + minWeight
              + " (to lower both, set minWeight first)");
    }
    if (!(evidence >= 0 && Double.isFinite(evidence))) {
      throw new IllegalArgumentException(
          "evidence " + evidence + " must be a finite number ≥ 0 (standard errors)");
    }
    if (!(stepLimit > 0)) {
      throw new IllegalArgumentException(
          "step limit " + stepLimit + " must be > 0 (Double.POSITIVE_INFINITY for none)");
    }
    if (!(neutralAlpha > 0 && Double.isFinite(neutralAlpha))) {
      throw new IllegalArgumentException(
          "neutral alpha " + neutralAlpha + " must be a finite number > 0");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup " + warmup + " must be ≥ 0 epochs");
    }
    nonNull(alphaOptimizer, "alpha optimizer");
    nonNull(alphaInit, "alpha init");
    nonNull(update, "update");
    nonNull(onNonFinite, "on non-finite");
  }

  /**
   * The defaults: ρ 1; the target's α held at 1 and the auxiliary αs by BFGS, at most 20 line
   * searches, from 1; the multiplicative rule with a neutral α of 0.25 and auxiliary weights in
   * [0.05, 2]; a weight moves when its gain exceeds 2 standard errors; no warm-up; the merged step
   * takes each auxiliary α within ±1; the tuning loss at the logits as they are (not calibrated).
   *
   * <p>Why 0.25: with every weight held at 1, a task that is more data of the target's own task
   * (MultiFashion, positive transfer) earned αs of 0.2 to 0.4 beside the target's own step, the
   * right digit (negative transfer) about 0 ± 0.15. Why ±1 and at most 2: a weight of 4 with αs of
   * 4.4 threw a run to chance in one epoch.
   */
  public static AlphaVilOptions defaults() {
    return new AlphaVilOptions(
        1.0,
        20,
        AlphaOptimizer.BFGS,
        0.05,
        AlphaInit.ONE,
        Update.MULTIPLICATIVE,
        0.05,
        Double.NaN,
        2,
        0,
        OnNonFinite.SKIP,
        true,
        1,
        0.25,
        false);
  }

  /**
   * The recipe recalled from the paper: ρ 1, 10 Adam steps on α at 0.05 from 1, every weight (the
   * target's too) {@code w ← w + α − 1} clamped at 0, no evidence test, no warm-up.
   */
  public static AlphaVilOptions paper() {
    return new AlphaVilOptions(
        1.0,
        10,
        AlphaOptimizer.ADAM,
        0.05,
        AlphaInit.ONE,
        Update.ADDITIVE,
        0,
        Double.NaN,
        0,
        0,
        OnNonFinite.SKIP,
        false,
        Double.POSITIVE_INFINITY,
        1,
        false);
  }

  /** With ρ, the fraction of each task's training data sampled per epoch, in (0, 1]. */
  public AlphaVilOptions rho(double value) {
    return with(b -> b.rho = value);
  }

  /** With this many α iterations per epoch, ≥ 0 (0 keeps α at its initial value). */
  public AlphaVilOptions alphaSteps(int value) {
    return with(b -> b.alphaSteps = value);
  }

  /** With this α optimiser. */
  public AlphaVilOptions alphaOptimizer(AlphaOptimizer value) {
    return with(b -> b.alphaOptimizer = value);
  }

  /** With this step size for Adam and SGD, > 0. */
  public AlphaVilOptions alphaLearningRate(double value) {
    return with(b -> b.alphaLearningRate = value);
  }

  /** With α starting each epoch at {@code value}. */
  public AlphaVilOptions alphaInit(AlphaInit value) {
    return with(b -> b.alphaInit = value);
  }

  /** With this weight-update rule. */
  public AlphaVilOptions update(Update value) {
    return with(b -> b.update = value);
  }

  /**
   * With no weight below {@code value} after an update, ≥ 0 and ≤ the maximum weight (for {@link
   * Update#MULTIPLICATIVE}, of the auxiliary tasks). To lower both bounds, set this one first.
   */
  public AlphaVilOptions minWeight(double value) {
    return with(b -> b.minWeight = value);
  }

  /**
   * With no weight above {@code value} after an update, ≥ the minimum weight
   * (Double.POSITIVE_INFINITY for none).
   */
  public AlphaVilOptions maxWeight(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(
          "maximum weight NaN must be a number ≥ the minimum weight"
              + " (Double.POSITIVE_INFINITY for none)");
    }
    return with(b -> b.maxWeight = value);
  }

  /**
   * With a weight moving only when its gain in tuning loss exceeds {@code standardErrors} paired
   * standard errors, ≥ 0 (0: on any gain).
   */
  public AlphaVilOptions evidence(double standardErrors) {
    return with(b -> b.evidence = standardErrors);
  }

  /** With the weights held for the first {@code epochs} epochs, ≥ 0. */
  public AlphaVilOptions warmup(int epochs) {
    return with(b -> b.warmup = epochs);
  }

  /** With this handling of a non-finite tuning loss. */
  public AlphaVilOptions onNonFinite(OnNonFinite value) {
    return with(b -> b.onNonFinite = value);
  }

  /** With the target's α held at 1 ({@code true}) or solved for with the others. */
  public AlphaVilOptions targetAlphaFixed(boolean fixed) {
    return with(b -> b.targetAlphaFixed = fixed);
  }

  /**
   * With the merged step's auxiliary αs kept within [−limit, limit], limit > 0
   * (Double.POSITIVE_INFINITY: as solved).
   */
  public AlphaVilOptions stepLimit(double limit) {
    return with(b -> b.stepLimit = limit);
  }

  /**
   * With the auxiliary α at which the multiplicative rule keeps a weight as it is, > 0 (weights are
   * multiplied by α / value).
   */
  public AlphaVilOptions neutralAlpha(double value) {
    return with(b -> b.neutralAlpha = value);
  }

  /**
   * With the tuning loss measured at a temperature fitted at θ each epoch ({@code true}) or at the
   * logits as they are.
   */
  public AlphaVilOptions calibrated(boolean value) {
    return with(b -> b.calibrated = value);
  }

  /** A copy with {@code change} applied; the canonical constructor checks the result. */
  private AlphaVilOptions with(java.util.function.Consumer<AlphaVilOptionsCopy> change) {
    AlphaVilOptionsCopy b = new AlphaVilOptionsCopy(this);
    change.accept(b);
    return b.options();
  }

  /** The maximum weight, resolved for the update rule. */
  public double resolvedMaxWeight() {
    if (!Double.isNaN(maxWeight)) {
      return maxWeight;
    }
    return switch (update) {
      case TARGET_RELATIVE -> 2.0;
      case MULTIPLICATIVE -> 2.0;
      default -> Double.POSITIVE_INFINITY;
    };
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rho", fmt(rho));
    m.put("alphaSteps", Integer.toString(alphaSteps));
    m.put("alphaOptimizer", lower(alphaOptimizer));
    if (alphaOptimizer != AlphaOptimizer.BFGS) {
      m.put("alphaLearningRate", fmt(alphaLearningRate));
    }
    m.put("alphaInit", lower(alphaInit));
    m.put("update", lower(update));
    m.put("clamp", "[" + fmt(minWeight) + ", " + fmt(resolvedMaxWeight()) + "]");
    m.put("evidence", fmt(evidence));
    m.put("warmup", Integer.toString(warmup));
    m.put("onNonFinite", lower(onNonFinite));
    m.put("targetAlpha", targetAlphaFixed ? "fixed" : "solved");
    m.put("stepLimit", fmt(stepLimit));
    if (update == Update.MULTIPLICATIVE) {
      m.put("neutralAlpha", fmt(neutralAlpha));
    }
    m.put("calibrated", Boolean.toString(calibrated));
    return m;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String fmt(double v) {
    return MethodOptions.format(v);
  }

  private static void nonNull(Object v, String what) {
    if (v == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
  }
}
