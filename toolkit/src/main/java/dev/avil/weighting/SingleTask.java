package dev.avil.weighting;

import dev.avil.train.Strategy;
import dev.avil.train.TrainingRun;

/**
 * Single-task learning: the target alone, every auxiliary weight 0. The baseline every multitask
 * method must beat. Auxiliary heads stay at their initial values.
 *
 * <p>With {@code passes} above 1 it makes that many passes over the target's data per epoch: a
 * baseline for methods that take more target steps per epoch (GCS and OL-AUX take a target batch at
 * every joint step), so that "more target updates" shows as what it is.
 */
public final class SingleTask implements Strategy {
  private final int passes;

  /** Single-task learning with {@code options}. */
  public SingleTask(Options options) {
    this.passes = options.passes();
  }

  /**
   * Single-task learning's options.
   *
   * @param passes passes over the target's training data per epoch, ≥ 1
   */
  public record Options(int passes) implements MethodOptions {
    /** Checks the passes. */
    public Options {
      MethodOptions.require(passes >= 1, "single-task passes", passes, "≥ 1");
    }

    /** One pass per epoch. */
    public static Options defaults() {
      return new Options(1);
    }

    /** With {@code n} passes per epoch. */
    public Options passes(int n) {
      return new Options(n);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    double[] w = Weights.only(run.taskCount(), 0);
    for (int p = 0; p < passes; p++) {
      run.trainInterleaved(w);
    }
    return EpochWeights.of(w);
  }
}
