package dev.avil.train;

/**
 * Decides, batch by batch, how much each task's loss counts in a round-robin pass; hears each
 * batch's (unweighted) loss afterwards. For loss-balancing methods whose weights move within an
 * epoch.
 */
public interface BatchWeighting {
  /** Whether task {@code task} takes part in this pass. */
  boolean trains(int task);

  /** The weight of task {@code task}'s next batch. */
  double weight(int task);

  /** Task {@code task}'s batch had mean loss {@code loss}. */
  default void afterBatch(int task, double loss) {}

  /** Weights that stay as they are for the whole pass; tasks at weight 0 do not train. */
  static BatchWeighting fixed(double[] weights, int tasks) {
    if (weights.length != tasks) {
      throw new IllegalArgumentException(weights.length + " weights for " + tasks + " tasks");
    }
    double[] w = weights.clone();
    return new BatchWeighting() {
      @Override
      public boolean trains(int task) {
        return w[task] > 0;
      }

      @Override
      public double weight(int task) {
        return w[task];
      }
    };
  }
}
