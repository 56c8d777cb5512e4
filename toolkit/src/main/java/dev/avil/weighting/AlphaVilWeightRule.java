package dev.avil.weighting;

/**
 * αVIL's options for how the weights follow the αs: one of the groups of {@link AlphaVilOptions}.
 *
 * @param update the rule
 * @param initialWeight the weight at which each auxiliary task starts, &gt; 0: the weight of its
 *     first pass, once the target trains with it; default 0.25, a quarter of the target's, so that
 *     the first epoch with every auxiliary task cannot throw a target that has just left chance
 *     back to it
 * @param neutralAlpha for {@link AlphaVilOptions.Update#MULTIPLICATIVE}: the α at which a weight
 *     stays, > 0
 * @param minWeight the lowest weight after an update (of the auxiliary tasks for {@link
 *     AlphaVilOptions.Update#MULTIPLICATIVE}), ≥ 0
 * @param maxWeight the highest weight, ≥ minWeight; NaN (auto) is the rule's own: 1 for {@link
 *     AlphaVilOptions.Update#MULTIPLICATIVE}, so that no auxiliary task weighs more than the
 *     target, 2 for {@link AlphaVilOptions.Update#TARGET_RELATIVE}, unbounded otherwise
 * @param evidence how many paired standard errors a task's gain in tuning loss must exceed before
 *     its weight moves; 0 moves weights on any gain
 * @param evidenceBeyondTarget whether the evidence test lets a held target α adapt too, so that a
 *     task whose delta only repeats the target's own (more data of the target's task) shows no gain
 *     that a larger or smaller target step would not give as well
 * @param neutralSizePower for {@link AlphaVilOptions.Update#MULTIPLICATIVE}: a task's neutral α is
 *     divided by (n_t / n_0)^p, its training examples over the target's to this power p ≥ 0; 0 (the
 *     default) leaves it as it is, 1 reads α per target-sized pass (a task with six times the
 *     target's examples keeps its weight at a sixth of the neutral α)
 * @param whileAtChance what αVIL does until the target has left chance, as the run's early stopping
 *     judges it
 */
public record AlphaVilWeightRule(
    AlphaVilOptions.Update update,
    double initialWeight,
    double neutralAlpha,
    double minWeight,
    double maxWeight,
    double evidence,
    boolean evidenceBeyondTarget,
    double neutralSizePower,
    AlphaVilOptions.WhileAtChance whileAtChance)
    implements MethodOptions {
  /** Checks every option; the message names the bad value and what is accepted. */
  public AlphaVilWeightRule {
    MethodOptions.requireChoice("update", update, AlphaVilOptions.Update.class);
    MethodOptions.requirePositive("initial weight", initialWeight);
    MethodOptions.requirePositive("neutral alpha", neutralAlpha);
    MethodOptions.require(
        neutralSizePower >= 0 && Double.isFinite(neutralSizePower),
        "neutral size power",
        neutralSizePower,
        "a finite number ≥ 0");
    MethodOptions.require(minWeight >= 0, "minimum weight", minWeight, "≥ 0");
    MethodOptions.require(
        Double.isNaN(maxWeight) || maxWeight >= minWeight,
        "maximum weight",
        maxWeight,
        "≥ the minimum weight " + minWeight + " (to lower both, set minWeight first)");
    MethodOptions.require(
        evidence >= 0 && Double.isFinite(evidence), "evidence", evidence, "finite and ≥ 0");
    MethodOptions.requireChoice(
        "while at chance", whileAtChance, AlphaVilOptions.WhileAtChance.class);
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
