package dev.avil.weighting;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * αVIL's options, each with a default. Immutable: every setter returns a new instance, so options
 * read as a chain.
 *
 * <pre>{@code
 * Method.alphaVil(a -> a.rho(0.5).alphaSteps(20).update(AlphaVilOptions.Update.MEAN_NORMALISED));
 * }</pre>
 *
 * <p>What the αVIL paper confirms: per epoch every task trains from the same parameters θ on a
 * ρ-sample of its data with its loss scaled by its weight, giving δ_t; the αs minimise the target's
 * dev loss at θ + Σ α_t δ_t; then the parameters and the weights are updated from the αs. What it
 * leaves open (recalled, not confirmed), and so is an option here: α's initial value, the weight
 * update rule, the α optimiser, its steps and learning rate, and the clamp range.
 */
public final class AlphaVilOptions implements MethodOptions {
  /** How the task weights follow the αs after each epoch. */
  public enum Update {
    /** {@code w ← w + (α − 1)}: the rule as recalled from the paper. */
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
     * from α ≈ w gives about 2w − 1, so weights double each epoch and training diverges (notebook 03
     * shows it). Use it only with a rule that bounds the weights, {@link Update#MEAN_NORMALISED} or
     * {@link Update#TARGET_RELATIVE}.
     */
    WEIGHT
  }

  /** The optimiser of the αs. */
  public enum AlphaOptimizer {
    /** Adam (β1 0.9, β2 0.999, ε 1e-8), fresh each epoch. */
    ADAM,
    /** Plain gradient descent. */
    SGD
  }

  /** What to do when the target's dev loss is not finite during an α step. */
  public enum OnNonFinite {
    /** Skip that α step and count it in the results. */
    SKIP,
    /** Stop the run with an error. */
    FAIL
  }

  private final double rho;
  private final int alphaSteps;
  private final AlphaOptimizer alphaOptimizer;
  private final double alphaLearningRate;
  private final AlphaInit alphaInit;
  private final Update update;
  private final double clampMin;
  private final Double clampMax;
  private final OnNonFinite onNonFinite;

  private AlphaVilOptions(
      double rho,
      int alphaSteps,
      AlphaOptimizer alphaOptimizer,
      double alphaLearningRate,
      AlphaInit alphaInit,
      Update update,
      double clampMin,
      Double clampMax,
      OnNonFinite onNonFinite) {
    this.rho = rho;
    this.alphaSteps = alphaSteps;
    this.alphaOptimizer = alphaOptimizer;
    this.alphaLearningRate = alphaLearningRate;
    this.alphaInit = alphaInit;
    this.update = update;
    this.clampMin = clampMin;
    this.clampMax = clampMax;
    this.onNonFinite = onNonFinite;
  }

  /** The defaults: ρ 1, 10 Adam steps at 0.05, α from 1, additive update, weights clamped ≥ 0. */
  public static AlphaVilOptions defaults() {
    return new AlphaVilOptions(1.0, 10, AlphaOptimizer.ADAM, 0.05, AlphaInit.ONE, Update.ADDITIVE, 0, null, OnNonFinite.SKIP);
  }

  /** Fraction of each task's training data sampled per epoch, in (0, 1]. Default 1. */
  public AlphaVilOptions rho(double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException("rho " + value + " must be in (0, 1]");
    }
    return new AlphaVilOptions(value, alphaSteps, alphaOptimizer, alphaLearningRate, alphaInit, update, clampMin, clampMax, onNonFinite);
  }

  /** Optimiser steps on α per epoch, ≥ 0 (0 keeps α at its initial value). Default 10. */
  public AlphaVilOptions alphaSteps(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("alpha steps " + value + " must be ≥ 0");
    }
    return new AlphaVilOptions(rho, value, alphaOptimizer, alphaLearningRate, alphaInit, update, clampMin, clampMax, onNonFinite);
  }

  /** The α optimiser. Default {@link AlphaOptimizer#ADAM}. */
  public AlphaVilOptions alphaOptimizer(AlphaOptimizer value) {
    return new AlphaVilOptions(rho, alphaSteps, nonNull(value, "alpha optimizer"), alphaLearningRate, alphaInit, update, clampMin, clampMax, onNonFinite);
  }

  /** The α learning rate, > 0. Default 0.05. */
  public AlphaVilOptions alphaLearningRate(double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException("alpha learning rate " + value + " must be a finite number > 0");
    }
    return new AlphaVilOptions(rho, alphaSteps, alphaOptimizer, value, alphaInit, update, clampMin, clampMax, onNonFinite);
  }

  /** Where α starts each epoch. Default {@link AlphaInit#ONE}. */
  public AlphaVilOptions alphaInit(AlphaInit value) {
    return new AlphaVilOptions(rho, alphaSteps, alphaOptimizer, alphaLearningRate, nonNull(value, "alpha init"), update, clampMin, clampMax, onNonFinite);
  }

  /** The weight-update rule. Default {@link Update#ADDITIVE}. */
  public AlphaVilOptions update(Update value) {
    return new AlphaVilOptions(rho, alphaSteps, alphaOptimizer, alphaLearningRate, alphaInit, nonNull(value, "update"), clampMin, clampMax, onNonFinite);
  }

  /**
   * Clamp range of the weights after each update. Default [0, ∞), except [0, 2] for {@link
   * Update#TARGET_RELATIVE}.
   */
  public AlphaVilOptions clamp(double min, double max) {
    if (!(min >= 0 && max >= min) || Double.isNaN(max)) {
      throw new IllegalArgumentException("clamp [" + min + ", " + max + "] must satisfy 0 ≤ min ≤ max");
    }
    return new AlphaVilOptions(rho, alphaSteps, alphaOptimizer, alphaLearningRate, alphaInit, update, min, max, onNonFinite);
  }

  /** What a non-finite dev loss during an α step does. Default {@link OnNonFinite#SKIP}. */
  public AlphaVilOptions onNonFinite(OnNonFinite value) {
    return new AlphaVilOptions(rho, alphaSteps, alphaOptimizer, alphaLearningRate, alphaInit, update, clampMin, clampMax, nonNull(value, "on non-finite"));
  }

  /** ρ. */
  public double rho() {
    return rho;
  }

  /** α steps per epoch. */
  public int alphaSteps() {
    return alphaSteps;
  }

  /** α optimiser. */
  public AlphaOptimizer alphaOptimizer() {
    return alphaOptimizer;
  }

  /** α learning rate. */
  public double alphaLearningRate() {
    return alphaLearningRate;
  }

  /** α initial value. */
  public AlphaInit alphaInit() {
    return alphaInit;
  }

  /** Weight-update rule. */
  public Update update() {
    return update;
  }

  /** Lower clamp of the weights. */
  public double clampMin() {
    return clampMin;
  }

  /** Upper clamp of the weights, resolved for the update rule. */
  public double clampMax() {
    if (clampMax != null) {
      return clampMax;
    }
    return update == Update.TARGET_RELATIVE ? 2.0 : Double.POSITIVE_INFINITY;
  }

  /** Non-finite handling. */
  public OnNonFinite onNonFinite() {
    return onNonFinite;
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rho", fmt(rho));
    m.put("alphaSteps", Integer.toString(alphaSteps));
    m.put("alphaOptimizer", alphaOptimizer.name().toLowerCase(Locale.ROOT));
    m.put("alphaLearningRate", fmt(alphaLearningRate));
    m.put("alphaInit", alphaInit.name().toLowerCase(Locale.ROOT));
    m.put("update", update.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    m.put("clamp", "[" + fmt(clampMin) + ", " + fmt(clampMax()) + "]");
    m.put("onNonFinite", onNonFinite.name().toLowerCase(Locale.ROOT));
    return m;
  }

  private static String fmt(double v) {
    return MethodOptions.format(v);
  }

  private static <T> T nonNull(T v, String what) {
    if (v == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlphaVilOptions a && describe().equals(a.describe());
  }

  @Override
  public int hashCode() {
    return describe().hashCode();
  }

  @Override
  public String toString() {
    return "AlphaVilOptions" + describe();
  }
}
