package dev.avil.weighting;

/** Adam (β 0.9 and 0.999, ε 1e-8, bias-corrected) on a vector of doubles that it moves in place. */
final class Adam {
  private final double learningRate;
  private final double[] m;
  private final double[] v;
  private int t;

  /** Adam for {@code k} values with step size {@code learningRate}. */
  Adam(int k, double learningRate) {
    this.learningRate = learningRate;
    this.m = new double[k];
    this.v = new double[k];
  }

  /** One step of {@code x} against the gradient {@code g}. */
  void step(double[] x, double[] g) {
    t++;
    for (int i = 0; i < x.length; i++) {
      m[i] = 0.9 * m[i] + 0.1 * g[i];
      v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
      double mHat = m[i] / (1 - Math.pow(0.9, t));
      double vHat = v[i] / (1 - Math.pow(0.999, t));
      x[i] -= learningRate * mHat / (Math.sqrt(vHat) + 1e-8);
    }
  }
}
