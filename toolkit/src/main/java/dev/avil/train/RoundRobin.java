package dev.avil.train;

import java.util.function.IntFunction;

/**
 * Interleaved training: one pass over every participating task, batch by batch in turn (round
 * robin) until each task's data is used up, with a fresh optimizer. Each batch's loss is scaled by
 * its task's weight just before it trains, and the task's trunk and head take the step.
 */
final class RoundRobin {
  private RoundRobin() {}

  /** One pass on {@code lane}, each task's batch order by {@code order}, weighted by {@code w}. */
  static void pass(Lane lane, IntFunction<int[]> order, BatchWeighting w) {
    RunSpec spec = lane.spec();
    int k = spec.tasks().size();
    int[][] orders = new int[k][];
    int[] at = new int[k];
    for (int t = 0; t < k; t++) {
      if (w.trains(t)) {
        orders[t] = order.apply(t);
      }
    }
    try (ModelOptimizer opt = lane.optimizer()) {
      boolean live = true;
      while (live) {
        live = false;
        for (int t = 0; t < k; t++) {
          if (orders[t] == null || at[t] >= orders[t].length) {
            continue;
          }
          int count = Math.min(spec.batchSize(), orders[t].length - at[t]);
          double loss = lane.backward(t, orders[t], at[t], count, w.weight(t));
          opt.step(lane.taskParams(t));
          w.afterBatch(t, loss);
          at[t] += count;
          live = true;
        }
      }
    }
  }
}
