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

  /** {@code scale}·softmax(x), computed from x less its maximum. */
  static double[] softmax(double[] x, double scale) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    double[] e = new double[x.length];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      e[i] = Math.exp(x[i] - max);
      sum += e[i];
    }
    for (int i = 0; i < x.length; i++) {
      e[i] = scale * e[i] / sum;
    }
    return e;
  }
}
