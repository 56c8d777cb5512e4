package dev.avil.weighting;

import java.util.Arrays;

/** Task weight vectors as strategies start them: one weight per task, the target (task 0) first. */
final class Weights {
  private Weights() {}

  /** Weight 1 for each of {@code k} tasks. */
  static double[] ones(int k) {
    double[] w = new double[k];
    Arrays.fill(w, 1);
    return w;
  }

  /** Weight 1 for {@code tasks}, 0 for the others of {@code k}. */
  static double[] only(int k, int... tasks) {
    double[] w = new double[k];
    for (int t : tasks) {
      w[t] = 1;
    }
    return w;
  }
}
