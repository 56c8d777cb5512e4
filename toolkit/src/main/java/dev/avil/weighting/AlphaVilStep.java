package dev.avil.weighting;

/**
 * αVIL's options for how each epoch's deltas are made and merged: one of the groups of {@link
 * AlphaVilOptions}.
 *
 * @param rho the fraction of each task's training data sampled per epoch, in (0, 1]
 * @param stepLimit the merged step takes each auxiliary α within [−stepLimit, stepLimit], > 0
 *     (infinite: as solved); the weights still follow the α as solved
 * @param guardStep whether the merged step, α within the limit, is compared on the tuning loss with
 *     the target's step alone (every auxiliary α 0), and the target's step taken where it is lower:
 *     the solve never evaluates the limited α, so without the guard a step can land where the
 *     tuning loss is far higher than the target's step alone would leave it
 */
public record AlphaVilStep(double rho, double stepLimit, boolean guardStep)
    implements MethodOptions {
  /** Checks every option; the message names the bad value and what is accepted. */
  public AlphaVilStep {
    MethodOptions.require(rho > 0 && rho <= 1, "rho", rho, "in (0, 1]");
    MethodOptions.require(stepLimit > 0, "step limit", stepLimit, "> 0 (Infinity for none)");
  }
}
