package dev.avil.weighting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * αVIL's options in three groups, each with its defaults: how the αs are found ({@link
 * AlphaVilSolver}), how the task weights follow them ({@link AlphaVilWeightRule}), and how each
 * epoch's deltas are made and merged ({@link AlphaVilStep}). Immutable; every wither returns new
 * options, so options read as a chain.
 *
 * <pre>{@code
 * Method.alphaVil(a -> a.rho(0.5).evidence(3));
 * Method.alphaVil(a -> AlphaVilOptions.paper());          // the recipe recalled from the paper
 * }</pre>
 *
 * <p>What the αVIL paper leaves open is an option here; {@code docs/algorithm.md} says why each
 * default is what it is.
 *
 * @param solver how the αs are found each epoch
 * @param weights how the task weights follow the αs
 * @param step how each epoch's deltas are made and merged
 */
public record AlphaVilOptions(AlphaVilSolver solver, AlphaVilWeightRule weights, AlphaVilStep step)
    implements MethodOptions {

  /** How the task weights follow the αs after each epoch. */
  public enum Update {
    /**
     * Target weight 1; each auxiliary weight is multiplied by α / neutralAlpha, by a factor of at
     * most 2 either way per epoch (an α of at most half the neutral α halves it), kept in
     * [minWeight, maxWeight]. The default.
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
    /** α = the task's current weight; with {@link Update#ADDITIVE} the weights diverge. */
    WEIGHT
  }

  /** The optimiser of the αs. */
  public enum AlphaOptimizer {
    /** BFGS with a backtracking line search, until the gradient or the gain vanishes. */
    BFGS,
    /** Adam (β1 0.9, β2 0.999, ε 1e-8), fresh each epoch, a fixed number of steps. */
    ADAM,
    /** Plain gradient descent, a fixed number of steps. */
    SGD
  }

  /** What αVIL does while the target is at chance, when its tuning loss cannot tell tasks apart. */
  public enum WhileAtChance {
    /** Solve the αs and move the weights as in any other epoch. */
    SOLVE,
    /** Train the target alone (no auxiliary pass, every auxiliary α 0), weights held. */
    ALONE
  }

  /** What a non-finite tuning loss during the α search does: skipped and counted, or an error. */
  public enum OnNonFinite {
    /** Skip that evaluation and count it in the results. */
    SKIP,
    /** Stop the run with an error. */
    FAIL
  }

  /** Checks that no group is missing. */
  public AlphaVilOptions {
    MethodOptions.require(solver != null && weights != null && step != null, "group", null, "set");
  }

  /**
   * The defaults: the auxiliary αs solved by BFGS (at most 20 line searches, from α = 1) on the
   * tuning loss at a fitted temperature, the target's α held at 1; the multiplicative rule with a
   * neutral α of 0.25 over the square root of a task's size relative to the target's, and auxiliary
   * weights in [0.05, 1], none above the target's, a weight moving on 2 standard errors of
   * evidence; the target trained alone until it has left chance; ρ 1, each auxiliary α of the
   * merged step within ±1, and the merged step kept only where it beats the target's step alone.
   */
  public static AlphaVilOptions defaults() {
    return new AlphaVilOptions(
        new AlphaVilSolver(
            AlphaOptimizer.BFGS, 20, 0.05, AlphaInit.ONE, true, true, OnNonFinite.SKIP),
        new AlphaVilWeightRule(
            Update.MULTIPLICATIVE,
            0.25,
            0.25,
            0.05,
            Double.NaN,
            2,
            false,
            0.5,
            WhileAtChance.ALONE),
        new AlphaVilStep(1.0, 1, true));
  }

  /**
   * The recipe recalled from the paper: every weight starting at 1; 10 Adam steps on every α, the
   * target's too, at 0.05 from 1, on the tuning loss as it is, from the first epoch; every weight
   * {@code w ← w + α − 1}, clamped at 0, on any gain; the step as solved.
   */
  public static AlphaVilOptions paper() {
    return defaults()
        .initialWeight(1)
        .alphaOptimizer(AlphaOptimizer.ADAM)
        .alphaSteps(10)
        .targetAlphaFixed(false)
        .calibrated(false)
        .update(Update.ADDITIVE)
        .neutralAlpha(1)
        .neutralSizePower(0)
        .minWeight(0)
        .evidence(0)
        .whileAtChance(WhileAtChance.SOLVE)
        .stepLimit(Double.POSITIVE_INFINITY)
        .guardStep(false);
  }

  /** With this α optimiser. */
  public AlphaVilOptions alphaOptimizer(AlphaOptimizer v) {
    return set("alphaOptimizer", v);
  }

  /** With this many α iterations per epoch, ≥ 0 (0 keeps α at its initial value). */
  public AlphaVilOptions alphaSteps(int v) {
    return set("alphaSteps", v);
  }

  /** With this step size for Adam and SGD, > 0. */
  public AlphaVilOptions alphaLearningRate(double v) {
    return set("alphaLearningRate", v);
  }

  /** With α starting each epoch at {@code v}. */
  public AlphaVilOptions alphaInit(AlphaInit v) {
    return set("alphaInit", v);
  }

  /** With the target's α held at 1 ({@code true}) or solved for with the others. */
  public AlphaVilOptions targetAlphaFixed(boolean v) {
    return set("targetAlphaFixed", v);
  }

  /** With the tuning loss at a temperature fitted each epoch ({@code true}) or as it is. */
  public AlphaVilOptions calibrated(boolean v) {
    return set("calibrated", v);
  }

  /** With this handling of a non-finite tuning loss. */
  public AlphaVilOptions onNonFinite(OnNonFinite v) {
    return set("onNonFinite", v);
  }

  /** With each auxiliary task starting at weight {@code v}, &gt; 0. */
  public AlphaVilOptions initialWeight(double v) {
    return set("initialWeight", v);
  }

  /** With this weight-update rule. */
  public AlphaVilOptions update(Update v) {
    return set("update", v);
  }

  /** With the α at which the multiplicative rule keeps a weight, > 0. */
  public AlphaVilOptions neutralAlpha(double v) {
    return set("neutralAlpha", v);
  }

  /** With no weight below {@code v} after an update, ≥ 0 and ≤ the maximum weight. */
  public AlphaVilOptions minWeight(double v) {
    return set("minWeight", v);
  }

  /** With no weight above {@code v} (Infinity for none; NaN for the rule's own, the default). */
  public AlphaVilOptions maxWeight(double v) {
    return set("maxWeight", v);
  }

  /** With a weight moving only when its gain exceeds {@code v} paired standard errors, ≥ 0. */
  public AlphaVilOptions evidence(double v) {
    return set("evidence", v);
  }

  /**
   * With the evidence test letting a held target α adapt too ({@code true}): a task's weight moves
   * only on a gain beyond what a larger or smaller step of the target's own delta would give.
   */
  public AlphaVilOptions evidenceBeyondTarget(boolean v) {
    return set("evidenceBeyondTarget", v);
  }

  /**
   * With each auxiliary task's neutral α divided by its training examples over the target's to the
   * power {@code v} ≥ 0: 0 leaves it as it is, 1 reads α per target-sized pass.
   */
  public AlphaVilOptions neutralSizePower(double v) {
    return set("neutralSizePower", v);
  }

  /** With {@code v} until the target has left chance. */
  public AlphaVilOptions whileAtChance(WhileAtChance v) {
    return set("whileAtChance", v);
  }

  /** With ρ, the fraction of each task's training data sampled per epoch, in (0, 1]. */
  public AlphaVilOptions rho(double v) {
    return set("rho", v);
  }

  /** With the merged step's auxiliary αs within [−v, v], v > 0 (Infinity: as solved). */
  public AlphaVilOptions stepLimit(double v) {
    return set("stepLimit", v);
  }

  /**
   * With the merged step checked against the target's step alone on the tuning loss, and the lower
   * of the two taken ({@code true}), or the merged step taken as it is.
   */
  public AlphaVilOptions guardStep(boolean v) {
    return set("guardStep", v);
  }

  /** These options with the component {@code name} of one of the groups set to {@code value}. */
  private AlphaVilOptions set(String name, Object value) {
    return new AlphaVilOptions(
        Records.with(solver, name, value),
        Records.with(weights, name, value),
        Records.with(step, name, value));
  }

  /** Every option by its wither's name, so that {@link #with(String, String)} takes it back. */
  @Override
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>(solver.describe());
    m.putAll(weights.describe());
    m.putAll(step.describe());
    return m;
  }
}
