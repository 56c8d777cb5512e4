package dev.avil.report;

import org.apache.commons.math3.distribution.TDistribution;

/** Small-sample statistics for comparisons over seeds. */
public final class Stats {
  private Stats() {}

  /** The mean; NaN for no values. */
  public static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  /** Sample standard deviation (n − 1); NaN for fewer than 2 values. */
  public static double std(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }

  /**
   * Half-width of the 95% t interval of the mean, with the exact Student-t quantile for n − 1
   * degrees of freedom; NaN for fewer than 2 values.
   */
  public static double halfWidth95(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double t = new TDistribution(v.length - 1).inverseCumulativeProbability(0.975);
    return t * std(v) / Math.sqrt(v.length);
  }
}
