package dev.avil.train;

import dev.avil.task.Shuffle;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which training examples a pass takes and in which order, each concern drawn from its own named
 * stream of the run's seed ({@link Streams}), so that drawing more in one never shifts another.
 */
final class Sampling {
  private final List<Integer> trainSizes;
  private final SplittableRandom batches;
  private final SplittableRandom samples;
  private final SplittableRandom branches;
  private final SplittableRandom probes;

  Sampling(RunSpec spec) {
    this.trainSizes = spec.tasks().stream().map(t -> t.train().size()).toList();
    this.batches = Streams.of(spec.seed(), Streams.BATCHES);
    this.samples = Streams.of(spec.seed(), Streams.SAMPLES);
    this.branches = Streams.of(spec.seed(), Streams.BRANCHES);
    this.probes = Streams.of(spec.seed(), Streams.PROBES);
  }

  /** Task {@code task}'s training examples in a fresh random order, from the batches stream. */
  int[] order(int task) {
    return Shuffle.permutation(trainSizes.get(task), batches);
  }

  /** As {@link #order}, from the branches stream: the batch order of a forked branch. */
  int[] branchOrder(int task) {
    return Shuffle.permutation(trainSizes.get(task), branches);
  }

  /** A random permutation of {@code 0..n-1} from the probes stream. */
  int[] probeOrder(int n) {
    return Shuffle.permutation(n, probes);
  }

  /** A stream split from the probes stream, such as a fresh head's initial values. */
  SplittableRandom probeStream() {
    return probes.split();
  }

  /** Task {@code task}'s number of training examples. */
  int trainSize(int task) {
    return trainSizes.get(task);
  }

  /**
   * A random fraction {@code rho} of task {@code task}'s training examples (at least one), in
   * random order, both drawn from the samples stream, so that ρ changes no other random draw.
   */
  int[] sample(int task, double rho) {
    int n = trainSizes.get(task);
    int m = Math.max(1, (int) (n * rho));
    int[] sample = Arrays.copyOf(Shuffle.permutation(n, samples), m);
    int[] perm = Shuffle.permutation(m, samples);
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = sample[perm[i]];
    }
    return order;
  }
}
