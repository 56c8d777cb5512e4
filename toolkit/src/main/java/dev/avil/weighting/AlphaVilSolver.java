package dev.avil.weighting;

/**
 * αVIL's options for how the αs are found each epoch: one of the groups of {@link AlphaVilOptions}.
 *
 * @param alphaOptimizer the α optimiser
 * @param alphaSteps its iterations per epoch (BFGS: line searches at most), ≥ 0
 * @param alphaLearningRate the step size of Adam and SGD, > 0
 * @param alphaInit where α starts each epoch
 * @param targetAlphaFixed whether the target's α is held at 1, so that its own delta is applied as
 *     it trained and only the auxiliary αs are solved for
 * @param calibrated whether the tuning loss is measured at a temperature fitted at θ each epoch, so
 *     that a delta that only softens an over-confident target gains nothing to first order
 * @param onNonFinite what a non-finite tuning loss during the search does
 */
public record AlphaVilSolver(
    AlphaVilOptions.AlphaOptimizer alphaOptimizer,
    int alphaSteps,
    double alphaLearningRate,
    AlphaVilOptions.AlphaInit alphaInit,
    boolean targetAlphaFixed,
    boolean calibrated,
    AlphaVilOptions.OnNonFinite onNonFinite)
    implements MethodOptions {
  /** Checks every option; the message names the bad value and what is accepted. */
  public AlphaVilSolver {
    MethodOptions.requireChoice(
        "alpha optimizer", alphaOptimizer, AlphaVilOptions.AlphaOptimizer.class);
    MethodOptions.require(alphaSteps >= 0, "alpha steps", alphaSteps, "≥ 0");
    MethodOptions.requirePositive("alpha learning rate", alphaLearningRate);
    MethodOptions.requireChoice("alpha init", alphaInit, AlphaVilOptions.AlphaInit.class);
    MethodOptions.requireChoice("on non-finite", onNonFinite, AlphaVilOptions.OnNonFinite.class);
  }
}
