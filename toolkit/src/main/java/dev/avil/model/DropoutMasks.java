package dev.avil.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * The random stream that a network's {@link SeededDropout} blocks draw their masks from. PyTorch's
 * own dropout draws from one generator shared by every thread of the process, so two runs side by
 * side, or a run's passes on two lanes, would take each other's numbers; a network's masks drawn
 * here depend only on the seeds it is given. One network's forward passes run on one thread at a
 * time, and so does its stream.
 */
public final class DropoutMasks {
  private SplittableRandom stream;
  private ByteBuffer bytes = ByteBuffer.allocateDirect(0);

  /** A stream started from {@code seed}. */
  public DropoutMasks(long seed) {
    restart(seed);
  }

  /** Starts the stream again from {@code seed}. */
  public void restart(long seed) {
    stream = new SplittableRandom(seed);
  }

  /**
   * {@code x} with each element kept with probability 1 − {@code rate} and scaled by 1 / (1 −
   * {@code rate}), or set to 0: inverted dropout, as PyTorch's.
   *
   * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
   */
  public NDArray apply(NDArray x, float rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate " + rate + " must be in [0, 1)");
    }
    if (rate == 0) {
      return x;
    }
    Shape shape = x.getShape();
    NDManager m = x.getManager();
    NDArray scale = m.full(new Shape(), 1 / (1 - rate), x.getDataType());
    // the bytes' array reads the buffer the next mask is drawn into: its conversion is a copy
    try (NDArray bytes =
        m.create(draw(Math.toIntExact(shape.size()), 1 - rate), shape, DataType.UINT8)) {
      return x.mul(bytes.toType(x.getDataType(), false).mul(scale));
    }
  }

  /** {@code n} bytes, each 1 with probability {@code keep} (to 1/65536) and 0 otherwise. */
  private ByteBuffer draw(int n, float keep) {
    if (bytes.capacity() < n) {
      bytes = ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder());
    }
    bytes.clear().limit(n);
    long threshold = Math.round(keep * 65536.0);
    int i = 0;
    while (i < n) {
      long r = stream.nextLong();
      for (int k = 0; k < 4 && i < n; k++, i++) {
        bytes.put((r >>> (16 * k) & 0xFFFF) < threshold ? (byte) 1 : (byte) 0);
      }
    }
    return bytes.flip();
  }
}
