package dev.avil.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.util.Arrays;

/**
 * Ready-made trunks.
 *
 * <pre>{@code
 * Trunks.lenet();        // the MultiMNIST LeNet of the αVIL experiments
 * Trunks.mlp(64, 32);    // flatten, then two ReLU layers
 * }</pre>
 */
public final class Trunks {
  private Trunks() {}

  /**
   * LeNet for 1×28×28 inputs: conv 5×5 (10) → max-pool 2 → ReLU → conv 5×5 (20) → max-pool 2 → ReLU
   * → linear 50 → ReLU. The same body as the PyTorch reference, on its input laid out {@link
   * ChannelsLast channels last}.
   */
  public static Trunk lenet() {
    return Trunk.of(
        "lenet",
        () ->
            new SequentialBlock()
                .add(new ChannelsLast())
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(10).build())
                .add(new MaxPool(2))
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(20).build())
                .add(new MaxPool(2))
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(50).build())
                .add(Activation.reluBlock()),
        1,
        28,
        28);
  }

  /** A multilayer perceptron: flatten, then one ReLU layer per entry of {@code hidden}. */
  public static Trunk mlp(int... hidden) {
    if (hidden.length == 0) {
      throw new IllegalArgumentException("mlp needs at least one hidden layer size, got none");
    }
    for (int h : hidden) {
      if (h <= 0) {
        throw new IllegalArgumentException(
            "mlp layer size " + h + " in " + Arrays.toString(hidden) + " must be > 0");
      }
    }
    int[] sizes = hidden.clone();
    return Trunk.of(
        "mlp" + Arrays.toString(sizes).replace(" ", ""),
        () -> {
          SequentialBlock b = new SequentialBlock().add(Blocks.batchFlattenBlock());
          for (int h : sizes) {
            b.add(Linear.builder().setUnits(h).build()).add(Activation.reluBlock());
          }
          return b;
        });
  }
}
