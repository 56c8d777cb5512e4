package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Losses built only from tensor operations, safe inside a gradient collector. DJL's {@code
 * NDArray.mul(Number)} and friends wrap a Java number in a buffer that can be freed before {@code
 * backward()} reads it, which corrupts gradients at random (DJL's own {@code Loss.l2Loss()} and
 * weighted losses are affected). So a weight is always a torch-owned scalar from {@link #scalar}.
 */
public final class Losses {
  private Losses() {}

  /**
   * Mean softmax cross-entropy of {@code logits} (batch × classes) against int64 {@code labels}.
   */
  public static NDArray crossEntropy(NDArray logits, NDArray labels) {
    return perExample(logits, labels).mean();
  }

  /** Softmax cross-entropy of each row of {@code logits} against int64 {@code labels}. */
  public static NDArray perExample(NDArray logits, NDArray labels) {
    return logits.logSoftmax(1).gather(labels.reshape(-1, 1), 1).reshape(-1).neg();
  }

  /** A scalar whose memory torch owns: safe to combine with tensors inside a collector. */
  public static NDArray scalar(
      NDManager manager, double value, ai.djl.ndarray.types.DataType dtype) {
    return manager.full(new Shape(), (float) value, dtype);
  }

  /** The value of a scalar array as a double, whatever its type. */
  public static double value(NDArray scalar) {
    if (scalar.getDataType() == ai.djl.ndarray.types.DataType.FLOAT64) {
      return scalar.getDouble();
    }
    try (NDArray d = scalar.toType(ai.djl.ndarray.types.DataType.FLOAT64, true)) {
      return d.getDouble();
    }
  }

  /** The range {@link #sharpness} searches. */
  static final double MIN_SHARPNESS = 0.05;

  static final double MAX_SHARPNESS = 20;

  /**
   * The factor s that minimises the mean softmax cross-entropy of {@code s · logits} against {@code
   * labels} (the inverse of the fitted temperature), within [0.05, 20]. The loss is convex in s and
   * its derivative, the mean over examples of E_softmax(s·z)[z] − z_label, increases with s, so
   * bisection on the derivative finds it.
   *
   * @param logits row-major, {@code labels.length} rows of {@code classes}
   * @param labels the class of each row
   * @param classes the columns of a row
   * @return the factor; the nearer end of the range when the minimum lies beyond it
   */
  public static double sharpness(float[] logits, int[] labels, int classes) {
    if (logits.length != (long) labels.length * classes || labels.length == 0) {
      throw new IllegalArgumentException(
          logits.length + " logits do not make " + labels.length + " rows of " + classes);
    }
    double lo = MIN_SHARPNESS;
    double hi = MAX_SHARPNESS;
    if (slope(logits, labels, classes, lo) >= 0) {
      return lo;
    }
    if (slope(logits, labels, classes, hi) <= 0) {
      return hi;
    }
    for (int i = 0; i < 60; i++) {
      double mid = Math.sqrt(lo * hi);
      if (slope(logits, labels, classes, mid) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.sqrt(lo * hi);
  }

  /** The derivative in s of the mean cross-entropy of {@code s · logits}. */
  static double slope(float[] logits, int[] labels, int classes, double s) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      int row = i * classes;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, s * logits[row + c]);
      }
      double z = 0;
      double expected = 0;
      for (int c = 0; c < classes; c++) {
        double e = Math.exp(s * logits[row + c] - max);
        z += e;
        expected += e * logits[row + c];
      }
      sum += expected / z - logits[row + labels[i]];
    }
    return sum / labels.length;
  }
}
