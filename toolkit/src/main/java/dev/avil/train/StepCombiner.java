package dev.avil.train;

import java.util.List;

/**
 * How a joint step combines the tasks' gradients: for each participating task, a coefficient on the
 * shared trunk and one on its own head.
 */
public interface StepCombiner {
  /**
   * The coefficients of one step.
   *
   * @param tasks the participating tasks, target first
   * @param gradients each task's gradient of its mean batch loss on the shared trunk, in
   *     parameter-vector order
   */
  Combination combine(int[] tasks, List<ParamVector> gradients);
}
