package dev.avil.tools;

import dev.avil.model.Trunks;
import dev.avil.train.Cells;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the kernels alone take to train a given number of samples: LeNet's forward, backward and
 * update on random batches of 64 already in memory, the samples split evenly over one-thread lanes
 * side by side (as many as the PyTorch thread budget), and nothing else: no data handling, no
 * evaluation, no α. Timed as a whole process, set-up included, it bounds from below what a job that
 * trains that many samples of LeNet in batches of 64 takes with these kernels on this machine: that
 * job does the same passes and more. For example, the earlier main job's comparison (single-task,
 * uniform and the paper's αVIL, 3 seeds × 10 epochs on MultiMNIST) trains 810,000 samples: 30 ×
 * (1,000 + 13,000 + 13,000).
 */
@Command(
    name = "floor",
    mixinStandardHelpOptions = true,
    description = "Trains SAMPLES samples of LeNet on the kernels alone and prints the rate.")
public final class Floor implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private long samples;

  @Parameters(
      index = "0",
      paramLabel = "SAMPLES",
      description = "the samples to train, from 64 to 137,438,953,408")
  private void samples(long n) {
    Cli.require(
        n >= 64 && n <= MAX_SAMPLES,
        spec,
        String.format(
            Locale.ROOT, "SAMPLES %d must be a whole number from 64 to %,d", n, MAX_SAMPLES));
    samples = n;
  }

  /** The most samples one lane can train: batches of 64, counted in an {@code int}. */
  static final long MAX_SAMPLES = 64L * Integer.MAX_VALUE;

  /** Trains the given number of samples and prints the lanes' rates. */
  public static void main(String[] args) {
    System.exit(Cli.run(new Floor(), args));
  }

  @Override
  public Integer call() {
    int lanes = lanes();
    int batches = Math.toIntExact(Math.max(1, samples / lanes / 64));
    double rate = onLanes(batches);
    System.out.printf(
        Locale.ROOT,
        "trained %d samples of LeNet (batch 64) on %d one-thread lanes side by side: %.0f samples/s"
            + " together%n",
        (long) batches * 64 * lanes,
        lanes,
        rate);
    return 0;
  }

  /** How many one-thread lanes run side by side: the PyTorch thread budget. */
  static int lanes() {
    return Cells.parallelism(Integer.MAX_VALUE);
  }

  /**
   * LeNet's raw training throughput, samples per second of all {@link #lanes()} together, each lane
   * training {@code batches} batches of 64 side by side with the others.
   */
  static double onLanes(int batches) {
    Callable<Double> lane = () -> onThisThread(batches);
    return Cells.run(Collections.nCopies(lanes(), lane), lanes()).stream()
        .mapToDouble(d -> d)
        .sum();
  }

  /** LeNet's raw training throughput on the calling thread: {@code batches} batches of 64. */
  static double onThisThread(int batches) {
    return RawThroughput.samplesPerSecond(Trunks.lenet(), new long[] {1, 28, 28}, 10, 64, batches);
  }
}
