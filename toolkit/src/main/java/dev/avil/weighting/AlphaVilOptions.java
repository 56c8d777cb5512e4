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
 * <p>What the αVIL paper confirms: per epoch every task trains from the same parameters θ on a
 * ρ-sample of its data with its loss scaled by its weight, giving δ_t; the αs minimise the target's
 * dev loss at θ + Σ α_t δ_t; then the parameters and the weights are updated from the αs. What it
 * leaves open is an option here; {@code docs/algorithm.md} says why each default is what it is.
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
     * most 2 either way per epoch (a non-positive α halves it), kept in [minWeight, maxWeight]. The
     * default.
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
     * α = the task's current weight. Do not combine with {@link Update#ADDITIVE}: from α ≈ w the
     * rule gives about 2w − 1, so weights double each epoch and training diverges.
     */
    WEIGHT
  }

  /** The optimiser of the αs. */
  public enum AlphaOptimizer {
    /**
     * BFGS with a backtracking (Armijo) line search, steps of at most 1 in α, until the gradient or
     * the gain vanishes: solves the small problem, so the αs keep their size.
     */
    BFGS,
    /** Adam (β1 0.9, β2 0.999, ε 1e-8), fresh each epoch, a fixed number of steps. */
    ADAM,
    /** Plain gradient descent, a fixed number of steps. */
    SGD
  }

  /**
   * What αVIL does while the target is still at chance, before the tuning loss can tell tasks
   * apart.
   */
  public enum WhileAtChance {
    /** Solve the αs and move the weights as in any other epoch. */
    SOLVE,
    /** Hold the weights, and merge every delta as it trained (every α 1). */
    UNIFORM,
    /** Train the target alone (every auxiliary α 0, no auxiliary pass), weights held. */
    ALONE
  }

  /** What to do when the target's tuning loss is not finite during the α search. */
  public enum OnNonFinite {
    /** Skip that evaluation and count it in the results. */
    SKIP,
    /** Stop the run with an error. */
    FAIL
  }

  /**
   * How the αs are found each epoch.
   *
   * @param optimizer the α optimiser
   * @param steps its iterations per epoch (Adam and SGD: steps; BFGS: at most this many line
   *     searches), ≥ 0
   * @param learningRate the step size of Adam and SGD (BFGS needs none), > 0
   * @param init where α starts each epoch
   * @param targetFixed whether the target's α is held at 1, so that its own delta is applied as it
   *     trained and only the auxiliary αs are solved for
   * @param calibrated whether the tuning loss is measured at a temperature fitted at θ each epoch
   * @param onNonFinite what a non-finite tuning loss during the search does
   */
  public record Solver(
      AlphaOptimizer optimizer,
      int steps,
      double learningRate,
      AlphaInit init,
      boolean targetFixed,
      boolean calibrated,
      OnNonFinite onNonFinite) {
    /** Checks every option; the message names the bad value and what is accepted. */
    public Solver {
      MethodOptions.require(optimizer != null, "alpha optimizer", optimizer, "BFGS, ADAM or SGD");
      MethodOptions.require(steps >= 0, "alpha steps", steps, "≥ 0");
      MethodOptions.requirePositive("alpha learning rate", learningRate);
      MethodOptions.require(init != null, "alpha init", init, "ONE or WEIGHT");
      MethodOptions.require(onNonFinite != null, "on non-finite", onNonFinite, "SKIP or FAIL");
    }
  }

  /**
   * How the weights follow the αs.
   *
   * @param update the rule
   * @param neutralAlpha for {@link Update#MULTIPLICATIVE}: the auxiliary α at which a weight stays
   *     as it is, > 0
   * @param minWeight the lowest weight after an update (for {@link Update#MULTIPLICATIVE}, of the
   *     auxiliary tasks; the target's stays 1), ≥ 0
   * @param maxWeight the highest weight, ≥ minWeight; NaN resolves by rule (2 for {@link
   *     Update#MULTIPLICATIVE} and {@link Update#TARGET_RELATIVE}, unbounded otherwise)
   * @param evidence how many paired standard errors the gain in tuning loss from a task's α must
   *     exceed before its weight moves; 0 moves weights on any gain
   * @param warmup epochs at the start in which the weights stay where they are, ≥ 0
   * @param whileAtChance what αVIL does until the target has left chance (the run's early-stopping
   *     rule says when)
   */
  public record WeightRule(
      Update update,
      double neutralAlpha,
      double minWeight,
      double maxWeight,
      double evidence,
      int warmup,
      WhileAtChance whileAtChance) {
    /** Checks every option; the message names the bad value and what is accepted. */
    public WeightRule {
      MethodOptions.require(update != null, "update", update, "one of " + list(Update.values()));
      MethodOptions.requirePositive("neutral alpha", neutralAlpha);
      MethodOptions.require(minWeight >= 0, "minimum weight", minWeight, "≥ 0");
      MethodOptions.require(
          Double.isNaN(maxWeight) || maxWeight >= minWeight,
          "maximum weight",
          maxWeight,
          "≥ the minimum weight " + minWeight + " (to lower both, set minWeight first)");
      MethodOptions.require(
          evidence >= 0 && Double.isFinite(evidence),
          "evidence",
          evidence,
          "a finite number ≥ 0 (standard errors)");
      MethodOptions.require(warmup >= 0, "warmup", warmup, "≥ 0 epochs");
      MethodOptions.require(
          whileAtChance != null, "while at chance", whileAtChance, "SOLVE, UNIFORM or ALONE");
    }

    /** The maximum weight, resolved for the rule. */
    public double resolvedMaxWeight() {
      if (!Double.isNaN(maxWeight)) {
        return maxWeight;
      }
      return update == Update.MULTIPLICATIVE || update == Update.TARGET_RELATIVE
          ? 2.0
          : Double.POSITIVE_INFINITY;
    }
  }

  /**
   * How each epoch's deltas are made and merged.
   *
   * @param rho the fraction of each task's training data sampled per epoch, in (0, 1]
   * @param limit the merged step takes each auxiliary α within [−limit, limit], > 0 (infinite: as
   *     solved); the weights still follow the α as solved
   * @param followsEvidence whether the merged step takes a task's α as solved only where the
   *     evidence moved its weight, and the rule's neutral α elsewhere
   * @param negative whether the merged step may take an auxiliary α below 0, training the trunk
   *     against that task; without it such an α is taken as 0
   */
  public record Step(double rho, double limit, boolean followsEvidence, boolean negative) {
    /** Checks every option; the message names the bad value and what is accepted. */
    public Step {
      MethodOptions.require(rho > 0 && rho <= 1, "rho", rho, "in (0, 1]");
      MethodOptions.require(
          limit > 0, "step limit", limit, "> 0 (Double.POSITIVE_INFINITY for none)");
    }
  }

  /** Checks that no group is missing. */
  public AlphaVilOptions {
    MethodOptions.require(solver != null, "solver", solver, "given");
    MethodOptions.require(weights != null, "weight rule", weights, "given");
    MethodOptions.require(step != null, "step", step, "given");
  }

  /**
   * The defaults: the auxiliary αs solved by BFGS (at most 20 line searches, from α = 1) with the
   * target's held at 1 and the tuning loss as it is; the multiplicative rule with a neutral α of
   * 0.25 and auxiliary weights in [0.05, 2], a weight moving only on 2 standard errors of evidence,
   * no warm-up; ρ 1, and the merged step takes each auxiliary α within ±1.
   */
  public static AlphaVilOptions defaults() {
    return new AlphaVilOptions(
        new Solver(AlphaOptimizer.BFGS, 20, 0.05, AlphaInit.ONE, true, false, OnNonFinite.SKIP),
        new WeightRule(Update.MULTIPLICATIVE, 0.25, 0.05, Double.NaN, 2, 0, WhileAtChance.SOLVE),
        new Step(1.0, 1, false, true));
  }

  /**
   * The recipe recalled from the paper: 10 Adam steps on every α, the target's too, at 0.05 from 1;
   * every weight {@code w ← w + α − 1}, clamped at 0, on any gain; the step as solved.
   */
  public static AlphaVilOptions paper() {
    return defaults()
        .alphaOptimizer(AlphaOptimizer.ADAM)
        .alphaSteps(10)
        .targetAlphaFixed(false)
        .update(Update.ADDITIVE)
        .neutralAlpha(1)
        .minWeight(0)
        .evidence(0)
        .stepLimit(Double.POSITIVE_INFINITY);
  }

  private AlphaVilOptions with(Solver s) {
    return new AlphaVilOptions(s, weights, step);
  }

  private AlphaVilOptions with(WeightRule w) {
    return new AlphaVilOptions(solver, w, step);
  }

  private AlphaVilOptions with(Step s) {
    return new AlphaVilOptions(solver, weights, s);
  }

  /** With this α optimiser. */
  public AlphaVilOptions alphaOptimizer(AlphaOptimizer v) {
    Solver s = solver;
    return with(
        new Solver(v, s.steps, s.learningRate, s.init, s.targetFixed, s.calibrated, s.onNonFinite));
  }

  /** With this many α iterations per epoch, ≥ 0 (0 keeps α at its initial value). */
  public AlphaVilOptions alphaSteps(int v) {
    Solver s = solver;
    return with(
        new Solver(
            s.optimizer, v, s.learningRate, s.init, s.targetFixed, s.calibrated, s.onNonFinite));
  }

  /** With this step size for Adam and SGD, > 0. */
  public AlphaVilOptions alphaLearningRate(double v) {
    Solver s = solver;
    return with(
        new Solver(s.optimizer, s.steps, v, s.init, s.targetFixed, s.calibrated, s.onNonFinite));
  }

  /** With α starting each epoch at {@code v}. */
  public AlphaVilOptions alphaInit(AlphaInit v) {
    Solver s = solver;
    return with(
        new Solver(
            s.optimizer, s.steps, s.learningRate, v, s.targetFixed, s.calibrated, s.onNonFinite));
  }

  /** With the target's α held at 1 ({@code true}) or solved for with the others. */
  public AlphaVilOptions targetAlphaFixed(boolean v) {
    Solver s = solver;
    return with(
        new Solver(s.optimizer, s.steps, s.learningRate, s.init, v, s.calibrated, s.onNonFinite));
  }

  /**
   * With the tuning loss measured at a temperature fitted at θ each epoch ({@code true}) or at the
   * logits as they are.
   */
  public AlphaVilOptions calibrated(boolean v) {
    Solver s = solver;
    return with(
        new Solver(s.optimizer, s.steps, s.learningRate, s.init, s.targetFixed, v, s.onNonFinite));
  }

  /** With this handling of a non-finite tuning loss. */
  public AlphaVilOptions onNonFinite(OnNonFinite v) {
    Solver s = solver;
    return with(
        new Solver(s.optimizer, s.steps, s.learningRate, s.init, s.targetFixed, s.calibrated, v));
  }

  /** With this weight-update rule. */
  public AlphaVilOptions update(Update v) {
    WeightRule w = weights;
    return with(
        new WeightRule(
            v, w.neutralAlpha, w.minWeight, w.maxWeight, w.evidence, w.warmup, w.whileAtChance));
  }

  /**
   * With the auxiliary α at which the multiplicative rule keeps a weight as it is, > 0 (weights are
   * multiplied by α / v).
   */
  public AlphaVilOptions neutralAlpha(double v) {
    WeightRule w = weights;
    return with(
        new WeightRule(
            w.update, v, w.minWeight, w.maxWeight, w.evidence, w.warmup, w.whileAtChance));
  }

  /** With no weight below {@code v} after an update, ≥ 0 and ≤ the maximum weight. */
  public AlphaVilOptions minWeight(double v) {
    WeightRule w = weights;
    return with(
        new WeightRule(
            w.update, w.neutralAlpha, v, w.maxWeight, w.evidence, w.warmup, w.whileAtChance));
  }

  /**
   * With no weight above {@code v} after an update, ≥ the minimum weight ({@code
   * Double.POSITIVE_INFINITY} for none, {@code Double.NaN} for the rule's own, the default).
   */
  public AlphaVilOptions maxWeight(double v) {
    WeightRule w = weights;
    return with(
        new WeightRule(
            w.update, w.neutralAlpha, w.minWeight, v, w.evidence, w.warmup, w.whileAtChance));
  }

  /**
   * With a weight moving only when its gain in tuning loss exceeds {@code v} paired standard
   * errors, ≥ 0 (0: on any gain).
   */
  public AlphaVilOptions evidence(double v) {
    WeightRule w = weights;
    return with(
        new WeightRule(
            w.update, w.neutralAlpha, w.minWeight, w.maxWeight, v, w.warmup, w.whileAtChance));
  }

  /** With the weights held for the first {@code v} epochs, ≥ 0. */
  public AlphaVilOptions warmup(int v) {
    WeightRule w = weights;
    return with(
        new WeightRule(
            w.update, w.neutralAlpha, w.minWeight, w.maxWeight, w.evidence, v, w.whileAtChance));
  }

  /** With {@code v} until the target has left chance. */
  public AlphaVilOptions whileAtChance(WhileAtChance v) {
    WeightRule w = weights;
    return with(
        new WeightRule(
            w.update, w.neutralAlpha, w.minWeight, w.maxWeight, w.evidence, w.warmup, v));
  }

  /** With ρ, the fraction of each task's training data sampled per epoch, in (0, 1]. */
  public AlphaVilOptions rho(double v) {
    return with(new Step(v, step.limit, step.followsEvidence, step.negative));
  }

  /**
   * With the merged step's auxiliary αs kept within [−v, v], v > 0 ({@code
   * Double.POSITIVE_INFINITY}: as solved).
   */
  public AlphaVilOptions stepLimit(double v) {
    return with(new Step(step.rho, v, step.followsEvidence, step.negative));
  }

  /**
   * With the merged step taking a task's α as solved only where the evidence moved its weight
   * ({@code true}), or as solved for every task.
   */
  public AlphaVilOptions stepFollowsEvidence(boolean v) {
    return with(new Step(step.rho, step.limit, v, step.negative));
  }

  /**
   * With the merged step allowed to take an auxiliary α below 0 ({@code true}), or taking such an α
   * as 0, so that no step trains the trunk against a task.
   */
  public AlphaVilOptions negativeSteps(boolean v) {
    return with(new Step(step.rho, step.limit, step.followsEvidence, v));
  }

  /**
   * Every option by the name of its wither, so that {@link #with(String, String)} takes it back.
   */
  @Override
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("alphaOptimizer", MethodOptions.format(solver.optimizer));
    m.put("alphaSteps", Integer.toString(solver.steps));
    m.put("alphaLearningRate", MethodOptions.format(solver.learningRate));
    m.put("alphaInit", MethodOptions.format(solver.init));
    m.put("targetAlphaFixed", Boolean.toString(solver.targetFixed));
    m.put("calibrated", Boolean.toString(solver.calibrated));
    m.put("onNonFinite", MethodOptions.format(solver.onNonFinite));
    m.put("update", MethodOptions.format(weights.update));
    m.put("neutralAlpha", MethodOptions.format(weights.neutralAlpha));
    m.put("minWeight", MethodOptions.format(weights.minWeight));
    m.put("maxWeight", MethodOptions.format(weights.maxWeight));
    m.put("evidence", MethodOptions.format(weights.evidence));
    m.put("warmup", Integer.toString(weights.warmup));
    m.put("whileAtChance", MethodOptions.format(weights.whileAtChance));
    m.put("rho", MethodOptions.format(step.rho));
    m.put("stepLimit", MethodOptions.format(step.limit));
    m.put("stepFollowsEvidence", Boolean.toString(step.followsEvidence));
    m.put("negativeSteps", Boolean.toString(step.negative));
    return m;
  }

  private static String list(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(MethodOptions::format).toList().toString();
  }
}
