package dev.avil.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Two-dimensional max pooling over non-overlapping {@code size × size} windows of an {@code (N, C,
 * H, W)} batch, as {@code Pool.maxPool2dBlock(new Shape(size, size))} computes it, with the fastest
 * PyTorch operations for each use:
 *
 * <ul>
 *   <li>Without gradients (evaluation, loss-only probes): the elementwise maximum of the window's
 *       strided slices, a tenth of {@code max_pool2d}'s time or less on LeNet's first pooling
 *       ({@code PoolTimings} measures it).
 *   <li>With gradients on one PyTorch thread (a lane, a cell side by side): the position of each
 *       window's first maximum, found from the same slices without gradients, then a {@code gather}
 *       of those inputs. Its backward pass gives each window's gradient to that one input, as the
 *       kernel's does, so forward and backward agree with {@code max_pool2d} bit for bit; on
 *       LeNet's first pooling they take about half the kernel's time ({@code PoolTimings} measures
 *       it).
 *   <li>With gradients on several threads, PyTorch's {@code max_pool2d}: there the gather's dozen
 *       small operations cost more than the kernel, which splits channels over the threads.
 * </ul>
 *
 * <p>All three take the maximum of the same values, so they give the same numbers; only where a
 * window holds both 0 and −0 may the sign of that zero differ, and where a window holds NaN the
 * kernel returns NaN while the slices may not.
 */
public final class MaxPool extends AbstractBlock {
  private final int size;

  /** Pooling over {@code size × size} windows with stride {@code size}. */
  public MaxPool(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("max-pool size " + size + " must be ≥ 1");
    }
    this.size = size;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (!JniUtils.isGradMode()) {
      long rows = x.getShape().get(2) / size * size;
      long cols = x.getShape().get(3) / size * size;
      NDArray h = maxOfSlices(x, "..., {}:{}:{}, :", rows);
      return new NDList(maxOfSlices(h, "..., {}:{}:{}", cols));
    }
    if (JniUtils.getNumThreads() == 1) {
      return new NDList(gatherFirstMaxima(x, size));
    }
    return new NDList(
        Pool.maxPool2d(x, new Shape(size, size), new Shape(size, size), new Shape(0, 0), false));
  }

  /**
   * Pools {@code x} by gathering each window's first maximum in row-major order, the input that
   * {@code max_pool2d} picks and gives the window's gradient to. The positions come from the
   * window's strided slices, visited in row-major order: a slice takes over a window only where it
   * is strictly greater than the maximum so far, so the last slice to take over holds the first
   * maximum, and as offsets grow in row-major order, the largest offset taken is its position.
   */
  static NDArray gatherFirstMaxima(NDArray x, int size) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long width = s.get(3);
    long rows = s.get(2) / size * size;
    long cols = width / size * size;
    NDManager manager = x.getManager();
    NDArray values = x.stopGradient();
    NDArray best = null;
    NDArray offset = null;
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        NDArray slice =
            values.get(new NDIndex("..., {}:{}:{}, {}:{}:{}", i, rows, size, j, cols, size));
        if (best == null) {
          best = slice;
          continue;
        }
        // a tensor, not a Java number, so that nothing Java-owned enters an op while recording
        NDArray taken = slice.gt(best).mul(manager.create(i * width + j));
        offset = offset == null ? taken : offset.maximum(taken);
        if (i < size - 1 || j < size - 1) {
          best = best.maximum(slice);
        }
      }
    }
    long[] corners = new long[Math.toIntExact(rows / size * (cols / size))];
    for (int r = 0, k = 0; r < rows; r += size) {
      for (int q = 0; q < cols; q += size) {
        corners[k++] = r * width + q;
      }
    }
    NDArray first = manager.create(corners, new Shape(rows / size, cols / size));
    if (offset != null) {
      first = offset.add(first);
    }
    NDArray index = first.broadcast(n, c, rows / size, cols / size).reshape(n, c, -1);
    return x.reshape(n, c, -1).gather(index, 2).reshape(n, c, rows / size, cols / size);
  }

  /**
   * The elementwise maximum of the {@code size} slices {@code pattern} picks, offsets 0 to size−1.
   */
  private NDArray maxOfSlices(NDArray x, String pattern, long end) {
    NDArray m = x.get(new NDIndex(pattern, 0, end, size));
    for (int i = 1; i < size; i++) {
      m = m.maximum(x.get(new NDIndex(pattern, i, end, size)));
    }
    return m;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape s = inputs[0];
    return new Shape[] {new Shape(s.get(0), s.get(1), s.get(2) / size, s.get(3) / size)};
  }

  @Override
  public String toString() {
    return "MaxPool(" + size + "×" + size + ")";
  }
}
