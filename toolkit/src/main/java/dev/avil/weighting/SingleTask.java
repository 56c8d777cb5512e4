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
 *
 * <p>With {@code nudge} above 0 the target's loss weight is {@code 1 + nudge}: with a nudge of one
 * part in a million the runs are single-task's but for the last bits of the first step, from which
 * they drift apart as a run of any other method would. Their paired differences against single-task
 * are the protocol's own noise, the yardstick for a method's worst run.
 */
public final class SingleTask implements Strategy {
  private final Options options;

  /** Single-task learning with {@code options}. */
  public SingleTask(Options options) {
    this.options = options;
  }

  /**
   * Single-task learning's options.
   *
   * @param passes passes over the target's training data per epoch, ≥ 1
   * @param nudge the target's loss weight less 1, in [0, 0.001]; default 0
   */
  public record Options(int passes, double nudge) implements MethodOptions {
    /** Checks both. */
    public Options {
      MethodOptions.require(passes >= 1, "single-task passes", passes, "≥ 1");
      MethodOptions.require(
          nudge >= 0 && nudge <= 1e-3, "single-task nudge", nudge, "in [0, 0.001]");
    }

    /** One pass per epoch, the target's weight 1. */
    public static Options defaults() {
      return new Options(1, 0);
    }

    /** With {@code n} passes per epoch. */
    public Options passes(int n) {
      return new Options(n, nudge);
    }

    /** With the target's loss weight {@code 1 + v}. */
    public Options nudge(double v) {
      return new Options(passes, v);
    }
  }

  @Override
  public EpochWeights trainEpoch(TrainingRun run) {
    double[] w = Weights.only(run.taskCount(), 0);
    w[0] += options.nudge();
    for (int p = 0; p < options.passes(); p++) {
      run.trainInterleaved(w);
    }
    return EpochWeights.of(w);
  }
}
