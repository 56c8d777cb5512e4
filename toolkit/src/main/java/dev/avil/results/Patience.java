package dev.avil.results;

/**
 * The early-stopping rule every method is held to, in one place for the loop that stops a run and
 * the reader that checks a recorded one. A run stops once {@link #wait} epochs have passed after
 * its best selection epoch. The wait is the patience, or a share of the best epoch if that is more:
 * a target that was still improving at epoch 40 is given more time than one that peaked at epoch 5,
 * so that a slow target is not cut off by the noise of its dev accuracy.
 */
public final class Patience {
  private Patience() {}

  /**
   * The epochs to wait after a best selection epoch {@code bestEpoch}: {@code patience}, or {@code
   * growth × bestEpoch} rounded up if that is more; 0 when {@code patience} is 0 (no early
   * stopping).
   */
  public static int wait(int patience, double growth, int bestEpoch) {
    return patience == 0 ? 0 : Math.max(patience, (int) Math.ceil(growth * bestEpoch));
  }
}
