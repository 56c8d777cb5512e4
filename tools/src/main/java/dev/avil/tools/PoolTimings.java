package dev.avil.tools;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import dev.avil.model.ChannelsLast;
import dev.avil.model.MaxPool;
import dev.avil.runtime.DjlRuntime;
import dev.avil.train.Autograd;
import dev.avil.train.Cells;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * Milliseconds of LeNet's first max pooling ({@code [64, 10, 24, 24]} laid out channels last, as
 * the convolution before it leaves it; 2 × 2 windows) on one PyTorch thread, as a lane or a cell
 * runs it: PyTorch's {@code max_pool2d} with gradients (forward and backward), and without
 * gradients against {@link MaxPool}'s strided slices. Medians of {@code repeats} calls after as
 * many warm-up calls; the input holds whole numbers, so windows hold ties as the flat background of
 * a convolved image does.
 *
 * <pre>{@code
 * PoolTimings.Times t = PoolTimings.onOneThread(200);
 * }</pre>
 */
public final class PoolTimings {
  private PoolTimings() {}

  /**
   * The three timings, in milliseconds.
   *
   * @param kernel {@code max_pool2d}, forward and backward
   * @param kernelNoGradient {@code max_pool2d} forward without gradients
   * @param slices {@link MaxPool} without gradients (the maximum of strided slices)
   */
  public record Times(double kernel, double kernelNoGradient, double slices) {}

  /** Times the pooling on a thread of its own with one PyTorch thread. */
  public static Times onOneThread(int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats " + repeats + " must be ≥ 1");
    }
    return Cells.run(List.<Callable<Times>>of(() -> time(repeats)), 1).get(0);
  }

  private static Times time(int repeats) {
    try (NDManager manager = DjlRuntime.newManager()) {
      NDArray x =
          ChannelsLast.of(
              manager
                  .randomNormal(new Shape(64, 10, 24, 24))
                  .mul(manager.create(2f))
                  .round()
                  .toType(DataType.FLOAT32, false));
      Shape window = new Shape(2, 2);
      ParameterStore store = new ParameterStore(manager, false);
      Block ours = new MaxPool(2);
      UnaryOperator<NDArray> kernel =
          in -> Pool.maxPool2d(in, window, window, new Shape(0, 0), false);
      UnaryOperator<NDArray> block =
          in -> ours.forward(store, new NDList(in), false).singletonOrThrow();
      return new Times(
          millis(x, kernel, true, repeats),
          millis(x, kernel, false, repeats),
          millis(x, block, false, repeats));
    }
  }

  private static double millis(
      NDArray x, UnaryOperator<NDArray> pool, boolean gradients, int repeats) {
    double[] ms = new double[repeats];
    for (int i = -repeats; i < repeats; i++) {
      try (NDScope scope = new NDScope()) {
        NDArray in = x.duplicate();
        long start = System.nanoTime();
        if (gradients) {
          in.setRequiresGradient(true);
          try (Autograd ag = new Autograd(List.of("pool timing", in.getShape()))) {
            ag.backward(pool.apply(in).sum());
          }
        } else {
          pool.apply(in);
        }
        if (i >= 0) {
          ms[i] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    Arrays.sort(ms);
    return ms[repeats / 2];
  }
}
