package dev.avil.train;

import java.util.List;

/**
 * Hears a run's progress. Every method has a default that does nothing, so a listener overrides
 * only what it needs.
 *
 * <pre>{@code
 * experiment.listener(p -> System.out.println(p.epoch()));  // onEpoch only
 * }</pre>
 */
@FunctionalInterface
public interface TrainingListener {
  /** A run begins. */
  default void onRunStart(String method, long seed, int epochs, List<String> tasks) {}

  /** An epoch ended. */
  void onEpoch(EpochProgress progress);

  /** A run ended, normally or not. */
  default void onRunEnd(String method, long seed) {}

  /** A listener that does nothing. */
  static TrainingListener silent() {
    return p -> {};
  }

  /**
   * What one epoch did.
   *
   * @param method the method's name
   * @param seed the run's seed
   * @param epoch this epoch, from 1
   * @param epochs the run's number of epochs
   * @param tasks task names, target first
   * @param trainLoss mean training loss per task (NaN if it did not train)
   * @param targetDevAccuracy the target's model-selection dev accuracy
   * @param weights task weights
   * @param alphas task αs, or null
   * @param seconds this epoch's wall time
   * @param secondsLeft an estimate of the run's remaining time
   */
  record EpochProgress(
      String method,
      long seed,
      int epoch,
      int epochs,
      List<String> tasks,
      double[] trainLoss,
      double targetDevAccuracy,
      double[] weights,
      double[] alphas,
      double seconds,
      double secondsLeft) {}
}
