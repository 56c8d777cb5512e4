package dev.avil.model;

import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A recipe for the shared body of the network. Each run builds a fresh {@link Block} from it, so
 * runs never share parameters. Make one with {@link Trunks}.
 *
 * <pre>{@code
 * Trunk t = Trunks.lenet();
 * Trunk mine = Trunk.of("my-cnn", () -> new SequentialBlock().add(new ChannelsLast()).add(...), 1, 28, 28);
 * }</pre>
 */
public final class Trunk {
  private final String name;
  private final Supplier<Block> factory;
  private final long[] inputShape;

  private Trunk(String name, Supplier<Block> factory, long[] inputShape) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("trunk name '" + name + "' must not be blank");
    }
    this.name = name;
    if (factory == null) {
      throw new IllegalArgumentException("trunk '" + name + "' needs a block factory, got null");
    }
    this.factory = factory;
    this.inputShape = inputShape == null ? null : inputShape.clone();
  }

  /**
   * A trunk from any DJL block factory. The block's output must be {@code (batch, features)}. Start
   * a convolutional trunk with {@link ChannelsLast}, as {@link Trunks#lenet()} does. It may run
   * faster on PyTorch's CPU kernels. On some machines the channels-first kernels also give wrong,
   * non-finite gradients now and then; the tools module's {@code KernelCheck} tells whether this
   * one does ({@code docs/troubleshooting.md}). For dropout use {@link SeededDropout}: DJL's {@code
   * Dropout} draws from PyTorch's generator, which every thread shares, so a seed would not give
   * the same masks again.
   *
   * @param inputShape the shape of one input it expects, or nothing to accept any shape the block
   *     can initialise for
   */
  public static Trunk of(String name, Supplier<Block> factory, long... inputShape) {
    return new Trunk(name, factory, inputShape.length == 0 ? null : inputShape);
  }

  /** The trunk's name, recorded in results. */
  public String name() {
    return name;
  }

  /** A fresh, uninitialised block. */
  public Block newBlock() {
    return factory.get();
  }

  /** The input shape this trunk requires, or null if it accepts any. */
  public long[] inputShape() {
    return inputShape == null ? null : inputShape.clone();
  }

  @Override
  public String toString() {
    return name + (inputShape == null ? "" : Arrays.toString(inputShape));
  }
}
