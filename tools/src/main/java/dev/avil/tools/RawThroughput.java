package dev.avil.tools;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.avil.model.MultiHeadNet;
import dev.avil.model.Trunk;
import dev.avil.runtime.DjlRuntime;
import dev.avil.train.Autograd;
import dev.avil.train.Losses;
import dev.avil.train.Sgd;
import java.util.SplittableRandom;

/**
 * The floor the engine is measured against: forward, backward and SGD update of a network on
 * batches already in memory, nothing else (no batch assembly, no evaluation, no bookkeeping).
 *
 * <pre>{@code
 * double floor = RawThroughput.samplesPerSecond(Trunks.lenet(), new long[] {1, 28, 28}, 10, 64, 200);
 * }</pre>
 */
public final class RawThroughput {
  private RawThroughput() {}

  /**
   * Samples per second of training {@code trunk} with one head of {@code classes} classes on {@code
   * batches} batches of {@code batchSize} random inputs, after 20 warm-up batches, on the calling
   * thread with the process's PyTorch thread setting.
   */
  public static double samplesPerSecond(
      Trunk trunk, long[] inputShape, int classes, int batchSize, int batches) {
    try (NDManager manager = DjlRuntime.newManager()) {
      MultiHeadNet net =
          new MultiHeadNet(
              manager,
              trunk,
              50,
              new int[] {classes},
              inputShape,
              DataType.FLOAT32,
              new SplittableRandom(1));
      long[] dims = new long[inputShape.length + 1];
      dims[0] = batchSize;
      System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
      NDArray x = manager.randomUniform(0, 1, new Shape(dims));
      long[] labels = new long[batchSize];
      for (int i = 0; i < batchSize; i++) {
        labels[i] = i % classes;
      }
      NDArray y = manager.create(labels);
      Object kind = Autograd.kind(trunk.name(), inputShape, DataType.FLOAT32, batchSize);
      try (Sgd opt = new Sgd(manager, 0.01, 0.9)) {
        long start = 0;
        for (int b = -20; b < batches; b++) {
          if (b == 0) {
            start = System.nanoTime();
          }
          try (NDScope scope = new NDScope();
              Autograd ag = new Autograd(kind)) {
            ag.backward(Losses.crossEntropy(net.logits(x, 0, true), y));
          }
          opt.step(net.parameters());
        }
        return (double) batches * batchSize / ((System.nanoTime() - start) / 1e9);
      }
    }
  }
}
