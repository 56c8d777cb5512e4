package dev.avil.train;

import java.util.List;

/**
 * How a joint step combines the tasks' gradients: for each participating task, a coefficient on the
 * shared trunk and one on its own head.
 */
public interface StepCombiner {
  /**
   * The coefficients of one step, or null to skip it: no parameter moves, and the step counts as no
   * target step.
   *
   * @param tasks the participating tasks, target first
   * @param gradients each task's gradient of its mean batch loss on the shared trunk, in
   *     parameter-vector order (or, in {@link TrainingRun#trainJointAtFeatures}, with respect to
   *     the trunk's output)
   * @param losses each task's mean loss on its batch
   */
  Combination combine(int[] tasks, List<ParamVector> gradients, double[] losses);

  /**
   * Whether {@link #stepped} wants each task's loss on its batch again after the step: one more
   * forward pass of every batch. False unless overridden.
   */
  default boolean wantsLossesAfterStep() {
    return false;
  }

  /**
   * Called after a step that was taken, if {@link #wantsLossesAfterStep}: each task's mean loss on
   * the same batch at the parameters after the step, in the order of {@code combine}'s tasks.
   */
  default void stepped(double[] lossesAfter) {}
}
