package dev.avil.weighting;

import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * Uniform multitask learning: every task weight 1, tasks interleaved batch by batch until each
 * task's data is used up.
 */
public final class Uniform implements Strategy {
  /** Uniform MTL has no options. */
  public record Options() implements MethodOptions {}

  /** The options, none. */
  public static final MethodOptions OPTIONS = new Options();

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    double[] w = Weights.ones(run.taskCount());
    run.trainInterleaved(w);
    return EpochWeights.of(w);
  }
}
