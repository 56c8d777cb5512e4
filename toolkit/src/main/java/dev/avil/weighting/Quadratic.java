package dev.avil.weighting;

/**
 * The minimum of a quadratic model under one linear constraint: what αVIL's evidence test uses to
 * hold one α at its neutral point while the others adapt.
 */
final class Quadratic {
  private Quadratic() {}

  /**
   * The minimiser of ½ (x − m)ᵀ H (x − m) subject to aᵀx = b: m − H⁻¹a (aᵀm − b) / (aᵀH⁻¹a). A
   * Hessian that is not positive definite (a noisy estimate) is made so by adding the smallest
   * multiple of the identity, doubling from 1e-6 of its largest diagonal entry, that lets a
   * Cholesky factorisation through.
   */
  static double[] constrainedMinimum(double[][] h, double[] m, double[] a, double b) {
    double[] z = solve(h, a);
    double aza = 0;
    double am = 0;
    for (int i = 0; i < m.length; i++) {
      aza += a[i] * z[i];
      am += a[i] * m[i];
    }
    double c = (am - b) / aza;
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i] - c * z[i];
    }
    return out;
  }

  /** H⁻¹v for H made positive definite as above. */
  static double[] solve(double[][] h, double[] v) {
    int n = v.length;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(h[i][i]));
    }
    double shift = 0;
    double step = Math.max(scale, 1e-12) * 1e-6;
    while (true) {
      double[][] l = cholesky(h, shift);
      if (l != null) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
          double s = v[i];
          for (int j = 0; j < i; j++) {
            s -= l[i][j] * y[j];
          }
          y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
          double s = y[i];
          for (int j = i + 1; j < n; j++) {
            s -= l[j][i] * x[j];
          }
          x[i] = s / l[i][i];
        }
        return x;
      }
      shift = shift == 0 ? step : shift * 2;
    }
  }

  /** The lower Cholesky factor of H + shift·I, or null if that is not positive definite. */
  private static double[][] cholesky(double[][] h, double shift) {
    int n = h.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = h[i][j] + (i == j ? shift : 0);
        for (int p = 0; p < j; p++) {
          s -= l[i][p] * l[j][p];
        }
        if (i == j) {
          if (!(s > 0)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }
}
