package dev.avil.weighting;

import java.util.Map;

/** Options of a weighting method: immutable, each with a default, and listed for provenance. */
public interface MethodOptions {
  /** Every option, resolved, in a stable order. */
  Map<String, String> describe();

  /** A number as options show it: integers without a decimal point. */
  static String format(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
