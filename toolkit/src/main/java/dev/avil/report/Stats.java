package dev.avil.report;

/** Small-sample statistics for comparisons over seeds. */
public final class Stats {
  /** Two-sided 95% Student-t quantiles for 1..30 degrees of freedom. */
  private static final double[] T95 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
  };

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

  /** Half-width of the 95% t interval of the mean; NaN for fewer than 2 values. */
  public static double halfWidth95(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    int df = v.length - 1;
    double t = df <= T95.length ? T95[df - 1] : 1.96;
    return t * std(v) / Math.sqrt(v.length);
  }
}
