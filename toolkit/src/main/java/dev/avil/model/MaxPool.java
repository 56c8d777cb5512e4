package dev.avil.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Two-dimensional max pooling over non-overlapping {@code size × size} windows of an {@code (N, C,
 * H, W)} batch, as {@code Pool.maxPool2dBlock(new Shape(size, size))} computes it. With gradients
 * recorded it is PyTorch's {@code max_pool2d}. Without (evaluation, loss-only probes) it is the
 * elementwise maximum of the window's strided slices, which on LeNet's first pooling takes a
 * fraction of the kernel's time ({@code PoolTimings} measures both). Both take the maximum of the
 * same values, so they give the same numbers; only where a window holds both 0 and −0 may the sign
 * of that zero differ, and where a window holds NaN the kernel returns NaN while the slices may
 * not.
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
    return new NDList(
        Pool.maxPool2d(x, new Shape(size, size), new Shape(size, size), new Shape(0, 0), false));
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
