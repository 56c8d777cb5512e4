package dev.avil.weighting;

import java.util.Map;

/** Options of a weighting method: immutable, each with a default, and listed for provenance. */
public interface MethodOptions {
  /** Every option, resolved, in a stable order. */
  Map<String, String> describe();

  /**
   * Checks one option: unless {@code ok}, fails with a message that names the option, the value
   * given and what is accepted, such as "DWA temperature 0.0 must be a finite number &gt; 0".
   *
   * @throws IllegalArgumentException unless {@code ok}
   */
  static void require(boolean ok, String option, Object value, String accepted) {
    if (!ok) {
      throw new IllegalArgumentException(option + " " + value + " must be " + accepted);
    }
  }

  /**
   * Checks that option {@code option} is a finite number &gt; 0.
   *
   * @throws IllegalArgumentException if it is not
   */
  static void requirePositive(String option, double value) {
    require(value > 0 && Double.isFinite(value), option, value, "a finite number > 0");
  }

  /** A number as options show it: integers without a decimal point. */
  static String format(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v)
        ? Long.toString((long) v)
        : Double.toString(v);
  }
}
