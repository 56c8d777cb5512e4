package dev.avil.weighting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * αVIL's options in three groups, each with its defaults: how the αs are found ({@link Solver}),
 * how the task weights follow them ({@link WeightRule}), and how each epoch's deltas are made and
 * merged ({@link Step}). Immutable; every wither returns new options, so options read as a chain.
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
public record AlphaVilOptions(Solver solver, WeightRule weights, Step step)
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

  /**
   * How the αs are found each epoch.
   *
   * @param alphaOptimizer the α optimiser
   * @param alphaSteps its iterations per epoch (BFGS: line searches at most), ≥ 0
   * @param alphaLearningRate the step size of Adam and SGD, > 0
   * @param alphaInit where α starts each epoch
   * @param targetAlphaFixed whether the target's α is held at 1, so that its own delta is applied
   *     as it trained and only the auxiliary αs are solved for
   * @param calibrated whether the tuning loss is measured at a temperature fitted at θ each epoch,
   *     so that a delta that only softens an over-confident target gains nothing to first order
   * @param onNonFinite what a non-finite tuning loss during the search does
   */
  public record Solver(
      AlphaOptimizer alphaOptimizer,
      int alphaSteps,
      double alphaLearningRate,
      AlphaInit alphaInit,
      boolean targetAlphaFixed,
      boolean calibrated,
      OnNonFinite onNonFinite)
      implements MethodOptions {
    /** Checks every option; the message names the bad value and what is accepted. */
    public Solver {
      MethodOptions.require(alphaOptimizer != null, "alpha optimizer", null, "BFGS, ADAM or SGD");
      MethodOptions.require(alphaSteps >= 0, "alpha steps", alphaSteps, "≥ 0");
      MethodOptions.requirePositive("alpha learning rate", alphaLearningRate);
      MethodOptions.require(alphaInit != null, "alpha init", null, "ONE or WEIGHT");
      MethodOptions.require(onNonFinite != null, "on non-finite", null, "SKIP or FAIL");
    }
  }

  /**
   * How the weights follow the αs.
   *
   * @param update the rule
   * @param initialWeight the weight at which each auxiliary task starts, &gt; 0: the weight of its
   *     first pass, once the target trains with it; default 0.25, a quarter of the target's, so
   *     that the first epoch with every auxiliary task cannot throw a target that has just left
   *     chance back to it
   * @param neutralAlpha for {@link Update#MULTIPLICATIVE}: the α at which a weight stays, > 0
   * @param minWeight the lowest weight after an update (of the auxiliary tasks for {@link
   *     Update#MULTIPLICATIVE}), ≥ 0
   * @param maxWeight the highest weight, ≥ minWeight; NaN (auto) is the rule's own: 1 for {@link
   *     Update#MULTIPLICATIVE}, so that no auxiliary task weighs more than the target, 2 for {@link
   *     Update#TARGET_RELATIVE}, unbounded otherwise
   * @param evidence how many paired standard errors a task's gain in tuning loss must exceed before
   *     its weight moves; 0 moves weights on any gain
   * @param whileAtChance what αVIL does until the target has left chance, as the run's early
   *     stopping judges it
   */
  public record WeightRule(
      Update update,
      double initialWeight,
      double neutralAlpha,
      double minWeight,
      double maxWeight,
      double evidence,
      WhileAtChance whileAtChance)
      implements MethodOptions {
    /** Checks every option; the message names the bad value and what is accepted. */
    public WeightRule {
      MethodOptions.require(update != null, "update", update, "a rule of Update");
      MethodOptions.requirePositive("initial weight", initialWeight);
      MethodOptions.requirePositive("neutral alpha", neutralAlpha);
      MethodOptions.require(minWeight >= 0, "minimum weight", minWeight, "≥ 0");
      MethodOptions.require(
          Double.isNaN(maxWeight) || maxWeight >= minWeight,
          "maximum weight",
          maxWeight,
          "≥ the minimum weight " + minWeight + " (to lower both, set minWeight first)");
      MethodOptions.require(
          evidence >= 0 && Double.isFinite(evidence), "evidence", evidence, "finite and ≥ 0");
      MethodOptions.require(whileAtChance != null, "while at chance", null, "SOLVE or ALONE");
    }

    /** The maximum weight, resolved for the rule. */
    public double resolvedMaxWeight() {
      if (!Double.isNaN(maxWeight)) {
        return maxWeight;
      }
      return switch (update) {
        case MULTIPLICATIVE -> 1;
        case TARGET_RELATIVE -> 2;
        case ADDITIVE, MEAN_NORMALISED -> Double.POSITIVE_INFINITY;
      };
    }
  }

  /**
   * How each epoch's deltas are made and merged.
   *
   * @param rho the fraction of each task's training data sampled per epoch, in (0, 1]
   * @param stepLimit the merged step takes each auxiliary α within [−stepLimit, stepLimit], > 0
   *     (infinite: as solved); the weights still follow the α as solved
   */
  public record Step(double rho, double stepLimit) implements MethodOptions {
    /** Checks every option; the message names the bad value and what is accepted. */
    public Step {
      MethodOptions.require(rho > 0 && rho <= 1, "rho", rho, "in (0, 1]");
      MethodOptions.require(stepLimit > 0, "step limit", stepLimit, "> 0 (Infinity for none)");
    }
  }

  /** Checks that no group is missing. */
  public AlphaVilOptions {
    MethodOptions.require(solver != null && weights != null && step != null, "group", null, "set");
  }

  /**
   * The defaults: the auxiliary αs solved by BFGS (at most 20 line searches, from α = 1) on the
   * tuning loss as it is, the target's α held at 1; the multiplicative rule with a neutral α of
   * 0.25 and auxiliary weights in [0.05, 1], none above the target's, a weight moving on 2 standard
   * errors of evidence; the target trained alone until it has left chance; ρ 1, each auxiliary α of
   * the merged step within ±1.
   */
  public static AlphaVilOptions defaults() {
    return new AlphaVilOptions(
        new Solver(AlphaOptimizer.BFGS, 20, 0.05, AlphaInit.ONE, true, false, OnNonFinite.SKIP),
        new WeightRule(Update.MULTIPLICATIVE, 0.25, 0.25, 0.05, Double.NaN, 2, WhileAtChance.ALONE),
        new Step(1.0, 1));
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
        .minWeight(0)
        .evidence(0)
        .whileAtChance(WhileAtChance.SOLVE)
        .stepLimit(Double.POSITIVE_INFINITY);
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
