package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records operations for reverse-mode differentiation on the calling thread, and runs backward. The
 * toolkit's one way to take gradients, in place of DJL's {@code GradientCollector}, which allows a
 * single collector per process: PyTorch's grad mode is per thread, so passes on the worker threads
 * of {@link Lanes} can record and differentiate side by side.
 *
 * <pre>{@code
 * try (Autograd ag = new Autograd()) {
 *   ag.backward(loss(model(x)));
 * }
 * }</pre>
 */
final class Autograd implements AutoCloseable {
  private final boolean previous;

  /** Turns recording on for this thread until {@link #close()}. */
  Autograd() {
    previous = JniUtils.isGradMode();
    JniUtils.setGradMode(true);
  }

  /** Accumulates d{@code loss}/dθ into the gradients of every parameter that requires one. */
  void backward(NDArray loss) {
    try (NDArray seed = loss.onesLike()) {
      JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
    }
  }

  @Override
  public void close() {
    JniUtils.setGradMode(previous);
  }
}
