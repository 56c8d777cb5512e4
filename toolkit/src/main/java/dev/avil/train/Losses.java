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
}
