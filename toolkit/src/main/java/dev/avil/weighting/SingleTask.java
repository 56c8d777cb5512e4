package dev.avil.weighting;

import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * Single-task learning: the target alone, every auxiliary weight 0. The baseline every
 * multitask method must beat. Auxiliary heads stay at their initial values.
 */
public final class SingleTask implements Strategy {
  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    double[] w = new double[run.taskCount()];
    w[0] = 1;
    run.trainInterleaved(w);
    return EpochWeights.of(w);
  }
}
