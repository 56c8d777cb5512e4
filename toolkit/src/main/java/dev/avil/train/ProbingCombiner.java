package dev.avil.train;

import java.util.List;

/**
 * A combiner that looks at the model elsewhere before it chooses a step ({@link StepProbe}), as
 * Auto-λ's virtual step and META-TARTAN's dev head do.
 */
public interface ProbingCombiner extends StepCombiner {
  /**
   * The coefficients of one step, or null to skip it, as {@link StepCombiner#combine}, with {@code
   * probe} to look around.
   */
  Combination combine(int[] tasks, List<ParamVector> gradients, double[] losses, StepProbe probe);

  /**
   * Not called: the engine hands a probing combiner its probe.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  default Combination combine(int[] tasks, List<ParamVector> gradients, double[] losses) {
    throw new UnsupportedOperationException("a probing combiner needs its StepProbe");
  }
}
