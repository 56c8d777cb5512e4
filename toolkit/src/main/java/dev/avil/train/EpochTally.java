package dev.avil.train;

import java.util.Arrays;

/**
 * What a run counts during an epoch: each task's training loss, batch by batch, and the target's
 * optimizer steps. Lanes side by side write to it, never two for the same task: each task trains on
 * one lane at a time, and {@link Lanes#run} publishes what they wrote.
 */
final class EpochTally {
  private final double[] lossSum;
  private final int[] lossCount;
  private int epoch;
  private int targetSteps;

  EpochTally(int tasks) {
    this.lossSum = new double[tasks];
    this.lossCount = new int[tasks];
  }

  /** Starts epoch {@code e} (from 1) with nothing counted. */
  void start(int e) {
    this.epoch = e;
    this.targetSteps = 0;
    Arrays.fill(lossSum, 0);
    Arrays.fill(lossCount, 0);
  }

  /** The current epoch, from 1. */
  int epoch() {
    return epoch;
  }

  /** Counts one training batch of task {@code task} with mean loss {@code loss}. */
  void batch(int task, double loss) {
    lossSum[task] += loss;
    lossCount[task]++;
    if (task == 0) {
      targetSteps++;
    }
  }

  /**
   * Takes back the target step that a batch of task {@code task} counted, if it is the target's:
   * its step was skipped, so it made no optimizer step.
   */
  void stepSkipped(int task) {
    if (task == 0) {
      targetSteps--;
    }
  }

  /** Training batches of the target this epoch so far. */
  int targetSteps() {
    return targetSteps;
  }

  /** Mean training loss of each task this epoch so far; NaN for tasks that did not train. */
  double[] meanLosses() {
    double[] out = new double[lossSum.length];
    for (int t = 0; t < out.length; t++) {
      out[t] = lossCount[t] == 0 ? Double.NaN : lossSum[t] / lossCount[t];
    }
    return out;
  }
}
