package dev.avil.train;

import java.util.OptionalInt;

/**
 * How one method trains an epoch. The engine calls {@link #trainEpoch} once per epoch and does the
 * evaluation and the bookkeeping; a strategy only trains, through the run's primitives.
 */
public interface Strategy {
  /**
   * Trains one epoch.
   *
   * @return the task weights at the end of the epoch, the ones the next epoch uses (and αs, where
   *     the method has them)
   */
  EpochWeights trainEpoch(TrainingRun run);

  /**
   * What a strategy reports for one epoch.
   *
   * @param weights the weight of each task at the end of the epoch, target first
   * @param alphas the α of each task, or null if the method has none
   * @param skippedAlphaSteps α steps skipped because the dev loss was not finite
   * @param skippedSteps joint steps skipped because the method's rule had no finite answer for
   *     them, for a method that counts them; empty for the others
   */
  record EpochWeights(
      double[] weights, double[] alphas, int skippedAlphaSteps, OptionalInt skippedSteps) {
    /** Weights and αs, for a method that skips no joint step. */
    public EpochWeights(double[] weights, double[] alphas, int skippedAlphaSteps) {
      this(weights, alphas, skippedAlphaSteps, OptionalInt.empty());
    }

    /** Weights only. */
    public static EpochWeights of(double[] weights) {
      return new EpochWeights(weights.clone(), null, 0);
    }

    /** Weights, and the joint steps skipped this epoch ({@link StepCombiner#combine}). */
    public static EpochWeights withSkippedSteps(double[] weights, int skippedSteps) {
      return new EpochWeights(weights.clone(), null, 0, OptionalInt.of(skippedSteps));
    }
  }
}
