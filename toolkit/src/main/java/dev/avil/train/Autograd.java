package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records operations for reverse-mode differentiation on the calling thread, and runs backward. The
 * toolkit's one way to take gradients, in place of DJL's {@code GradientCollector}, which allows a
 * single collector per process: PyTorch's grad mode is per thread, so passes on the worker threads
 * of {@link Lanes} can record and differentiate side by side.
 *
 * <p>The first pass of each {@linkplain #kind kind} in the process runs alone: a pass that opens a
 * recorder for a kind not yet seen waits until no other such first pass is running, because two
 * threads running the same convolutions for the first time side by side can crash inside oneDNN's
 * backward pass ({@code docs/troubleshooting.md}). Once a kind has run, its passes run side by side
 * freely.
 *
 * <pre>{@code
 * try (Autograd ag = new Autograd(Autograd.kind(spec, batch))) {
 *   ag.backward(loss(model(x)));
 * }
 * }</pre>
 */
public final class Autograd implements AutoCloseable {
  private static final Set<Object> SEEN = ConcurrentHashMap.newKeySet();
  private static final ReentrantLock FIRST = new ReentrantLock();

  private final boolean previous;
  private final Object kind;
  private final boolean first;

  /**
   * Turns recording on for this thread until {@link #close()}, after waiting for any other first
   * pass if this is the first of {@code kind}: any value with equality, the same for passes that
   * run the same operations on tensors of the same shapes.
   */
  public Autograd(Object kind) {
    this.kind = kind;
    this.first = !SEEN.contains(kind) && firstOf(kind);
    previous = JniUtils.isGradMode();
    JniUtils.setGradMode(true);
  }

  /** The kind of a pass of {@code spec}'s network over {@code examples} inputs. */
  static Object kind(RunSpec spec, int examples) {
    return kind(spec.trunk().name(), spec.tasks().get(0).inputShape(), spec.dtype(), examples);
  }

  /** The kind of a pass of the network called {@code network} over {@code examples} inputs. */
  public static Object kind(String network, long[] inputShape, DataType dtype, int examples) {
    return List.of(network, Arrays.toString(inputShape), dtype.toString(), examples);
  }

  private static boolean firstOf(Object kind) {
    FIRST.lock();
    if (SEEN.contains(kind)) { // another thread ran it while this one waited
      FIRST.unlock();
      return false;
    }
    return true;
  }

  /** Accumulates d{@code loss}/dθ into the gradients of every parameter that requires one. */
  public void backward(NDArray loss) {
    try (NDArray seed = loss.onesLike()) {
      backward(loss, seed);
    }
  }

  /**
   * Accumulates ⟨{@code seed}, d{@code output}/dθ⟩ into the gradients of every parameter that
   * requires one: the backward pass of a loss whose gradient at {@code output} is {@code seed}.
   */
  public void backward(NDArray output, NDArray seed) {
    JniUtils.backward((PtNDArray) output, (PtNDArray) seed, false, false);
  }

  @Override
  public void close() {
    JniUtils.setGradMode(previous);
    if (first) {
      SEEN.add(kind);
      FIRST.unlock();
    }
  }
}
