package dev.avil.task;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How the task builders split one set of examples at random: the dev and test shares and the seed.
 * The examples are shuffled with the seed; the first {@code test} share is the test split, the next
 * {@code dev} share the dev split, and the rest the training split.
 */
record RandomSplit(Share dev, Share test, long seed) {
  /** dev(0.2), test(0.2), seed 1. */
  static final RandomSplit DEFAULT = new RandomSplit(Share.dev(0.2), Share.test(0.2), 1);

  /**
   * The split with a dev and a test share, given in either order.
   *
   * @throws IllegalArgumentException if both shares are for the same part, or together they leave
   *     no training part
   */
  RandomSplit shares(Share a, Share b) {
    if (a == null || b == null || a.part() == b.part()) {
      throw new IllegalArgumentException(
          "split(" + a + ", " + b + ") needs one dev(...) and one test(...) share");
    }
    Share d = a.part() == Share.Part.DEV ? a : b;
    Share t = a.part() == Share.Part.TEST ? a : b;
    if (!(d.fraction() + t.fraction() < 1)) {
      throw new IllegalArgumentException(
          "split("
              + d
              + ", "
              + t
              + ") leaves no training part: the shares sum to "
              + (d.fraction() + t.fraction())
              + "; they must sum to < 1");
    }
    return new RandomSplit(d, t, seed);
  }

  /** The same shares with another seed. */
  RandomSplit seed(long newSeed) {
    return new RandomSplit(dev, test, newSeed);
  }

  /**
   * Splits {@code all} (the examples of task {@code name}).
   *
   * @return the train, dev and test splits
   * @throws IllegalArgumentException if there are too few examples for three non-empty splits
   */
  Split[] apply(String name, Split all) {
    int n = all.size();
    int[] order = Shuffle.permutation(n, new SplittableRandom(seed));
    int nDev = Math.max(1, (int) Math.round(n * dev.fraction()));
    int nTest = Math.max(1, (int) Math.round(n * test.fraction()));
    if (nDev + nTest >= n) {
      throw new IllegalArgumentException(
          "task '"
              + name
              + "': "
              + n
              + " examples are too few for "
              + nDev
              + " dev + "
              + nTest
              + " test + at least 1 training example");
    }
    return new Split[] {
      all.rows(Arrays.copyOfRange(order, nTest + nDev, n)),
      all.rows(Arrays.copyOfRange(order, nTest, nTest + nDev)),
      all.rows(Arrays.copyOfRange(order, 0, nTest))
    };
  }
}
