package dev.avil.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Lays an {@code (N, C, H, W)} batch out channels last: the same shape and values, stored with the
 * channels innermost. A convolution that meets such an input keeps its output in that layout, and
 * so do the pooling and activations after it, so LeNet runs on PyTorch's channels-last CPU kernels,
 * which train and evaluate it faster here than the default layout's (the README's Performance
 * section has the figures). The numbers differ from the default layout's in the last bits (the
 * kernels add in another order), so the layout is part of what a run computes.
 */
public final class ChannelsLast extends AbstractBlock {
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(of(inputs.singletonOrThrow()));
  }

  /** {@code x} laid out channels last; one channel needs no copy, only new strides. */
  public static NDArray of(NDArray x) {
    Shape s = images(x.getShape());
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    NDArray nhwc =
        c == 1
            ? x.reshape(n, h, w, 1)
            : x.transpose(0, 2, 3, 1).reshape(n, h * w * c).reshape(n, h, w, c);
    return nhwc.transpose(0, 3, 1, 2);
  }

  /** {@code s}, if it is the shape of a batch of images. */
  private static Shape images(Shape s) {
    if (s.dimension() != 4) {
      throw new IllegalArgumentException(
          "channels last takes batches of shape (N, C, H, W), got "
              + s
              + "; put it first only in a trunk of images");
    }
    return s;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {images(inputs[0])};
  }

  @Override
  public String toString() {
    return "ChannelsLast";
  }
}
