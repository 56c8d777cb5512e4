package dev.avil.train;

import dev.avil.task.Split;
import dev.avil.task.Task;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the target's dev split is shared: its first part tunes (αVIL's α, and what other target-aware
 * methods tune on), the rest selects the model for every method.
 */
public final class TargetSplit {
  private TargetSplit() {}

  /**
   * Number of target dev examples used for tuning, given the dev size and the tuning fraction.
   *
   * @throws IllegalArgumentException if either part would be empty
   */
  public static int tuneSize(int devSize, double devSplit) {
    int n = (int) Math.round(devSize * devSplit);
    if (n < 1 || n >= devSize) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "dev split %s of the target's %d dev examples leaves %d for tuning and %d for model"
                  + " selection; both need at least 1",
              devSplit,
              devSize,
              n,
              devSize - n));
    }
    return n;
  }

  /**
   * The target's accuracy by chance on the selection part of its dev split of {@code spec}: the
   * share of its most frequent class there.
   */
  public static double selectionChance(RunSpec spec) {
    Task target = spec.tasks().get(0);
    Split selection = target.dev().after(tuneSize(target.dev().size(), spec.devSplit()));
    int[] counts = new int[target.classes()];
    for (int y : selection.labels()) {
      counts[y]++;
    }
    return (double) Arrays.stream(counts).max().orElse(0) / selection.size();
  }
}
