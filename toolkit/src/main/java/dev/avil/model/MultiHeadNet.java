package dev.avil.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A shared trunk with one head per task. Each head is linear → ReLU → linear, with {@code
 * headHidden} hidden units. Parameters are initialised like PyTorch's defaults (uniform in ±1/√fan
 * in, biases included), drawn from a Java random stream so the same seed gives the same network.
 *
 * <p>{@link #parameters()} lists the trunk's parameters, then each head's, in task order: the fixed
 * order of every parameter vector.
 */
public final class MultiHeadNet {
  private final Block trunk;
  private final List<Block> heads = new ArrayList<>();
  private final ParameterStore store;
  private final List<Parameter> parameters = new ArrayList<>();
  private final List<int[]> headRanges = new ArrayList<>();
  private final int trunkSize;
  private final int headHidden;
  private final long features;
  private final int[] classes;
  private final DataType dtype;
  private final DropoutMasks dropoutMasks = new DropoutMasks(0);

  /**
   * Builds and initialises the network.
   *
   * @param classes number of classes of each task, in task order
   * @throws IllegalArgumentException if the trunk cannot take inputs of {@code inputShape}
   */
  public MultiHeadNet(
      NDManager manager,
      Trunk trunkRecipe,
      int headHidden,
      int[] classes,
      long[] inputShape,
      DataType dtype,
      SplittableRandom init) {
    long[] expected = trunkRecipe.inputShape();
    if (expected != null && !Arrays.equals(expected, inputShape)) {
      throw new IllegalArgumentException(
          "input shape "
              + Arrays.toString(inputShape)
              + " does not match trunk "
              + trunkRecipe.name()
              + ", which takes "
              + Arrays.toString(expected));
    }
    this.trunk = trunkRecipe.newBlock();
    long[] batchShape = new long[inputShape.length + 1];
    batchShape[0] = 1;
    System.arraycopy(inputShape, 0, batchShape, 1, inputShape.length);
    Shape in = new Shape(batchShape);
    long features;
    try {
      trunk.initialize(manager, dtype, in);
      Shape out = trunk.getOutputShapes(new Shape[] {in})[0];
      if (out.dimension() != 2) {
        throw new IllegalArgumentException(
            "trunk output shape " + out + " is not (batch, features)");
      }
      features = out.get(1);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "input shape "
              + Arrays.toString(inputShape)
              + " does not match trunk "
              + trunkRecipe.name()
              + ": "
              + e.getMessage(),
          e);
    }
    collect(trunk);
    drawMasks(trunk);
    trunkSize = size(parameters);
    this.headHidden = headHidden;
    this.features = features;
    this.classes = classes.clone();
    this.dtype = dtype;
    for (int t = 0; t < classes.length; t++) {
      Block head = headBlock(t, manager);
      int from = size(parameters);
      collect(head);
      headRanges.add(new int[] {from, size(parameters)});
      heads.add(head);
    }
    initialise(parameters, manager, dtype, init);
    this.store = new ParameterStore(manager, false);
  }

  /** A head for task {@code task}, built and given DJL's initial values in {@code manager}. */
  private Block headBlock(int task, NDManager manager) {
    Block head =
        new SequentialBlock()
            .add(Linear.builder().setUnits(headHidden).build())
            .add(Activation.reluBlock())
            .add(Linear.builder().setUnits(classes[task]).build());
    head.initialize(manager, dtype, new Shape(1, features));
    return head;
  }

  /**
   * A head built as task {@code task}'s, outside the network, initialised as the network's own from
   * {@code init}, its arrays in {@code manager}: a head to fit on its own while the trunk stays
   * still. {@link #head(Block, NDArray, boolean)} reads it.
   */
  public Block newHead(int task, NDManager manager, SplittableRandom init) {
    Block head = headBlock(task, manager);
    List<Parameter> own = new ArrayList<>();
    head.getParameters().forEach(p -> own.add(p.getValue()));
    initialise(own, manager, dtype, init);
    return head;
  }

  /** Logits of a head from {@link #newHead} for trunk {@code features}. */
  public NDArray head(Block head, NDArray features, boolean training) {
    return head.forward(store, new NDList(features), training).singletonOrThrow();
  }

  /** Logits of task {@code task} for a batch {@code x}. */
  public NDArray logits(NDArray x, int task, boolean training) {
    return head(features(x, training), task, training);
  }

  /** The trunk's output for a batch {@code x}: the features every head reads. */
  public NDArray features(NDArray x, boolean training) {
    return trunk.forward(store, new NDList(x), training).singletonOrThrow();
  }

  /** Logits of task {@code task} from trunk {@code features}. */
  public NDArray head(NDArray features, int task, boolean training) {
    return heads.get(task).forward(store, new NDList(features), training).singletonOrThrow();
  }

  /** All parameters: trunk first, then each head in task order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** Number of scalar parameters in the trunk. */
  public int trunkSize() {
    return trunkSize;
  }

  /** The parameters task {@code task} trains: the trunk's, then its own head's. */
  public List<Parameter> parametersOf(int task) {
    List<Parameter> out = trunkParameters();
    out.addAll(headParameters(task));
    return out;
  }

  /** The trunk's parameters, in parameter-vector order: the first {@link #trunkSize()} values. */
  public List<Parameter> trunkParameters() {
    List<Parameter> out = new ArrayList<>();
    for (var p : trunk.getParameters()) {
      out.add(p.getValue());
    }
    return out;
  }

  /** The parameters of task {@code task}'s head. */
  public List<Parameter> headParameters(int task) {
    List<Parameter> out = new ArrayList<>();
    for (var p : heads.get(task).getParameters()) {
      out.add(p.getValue());
    }
    return out;
  }

  /** Index range {@code [from, to)} of task {@code task}'s head within a flat parameter vector. */
  public int[] headRange(int task) {
    return headRanges.get(task).clone();
  }

  /** Every {@link SeededDropout} under {@code b} draws from this network's masks. */
  private void drawMasks(Block b) {
    if (b instanceof SeededDropout d) {
      d.drawFrom(dropoutMasks);
    }
    b.getChildren().values().forEach(this::drawMasks);
  }

  /** The stream the dropout of the trunk draws its masks from; restart it to reproduce them. */
  public DropoutMasks dropoutMasks() {
    return dropoutMasks;
  }

  private void collect(Block b) {
    for (var p : b.getParameters()) {
      parameters.add(p.getValue());
    }
  }

  private static int size(List<Parameter> ps) {
    long n = 0;
    for (Parameter p : ps) {
      n += p.getArray().size();
    }
    return Math.toIntExact(n);
  }

  private static void initialise(
      List<Parameter> parameters, NDManager manager, DataType dtype, SplittableRandom rng) {
    double bound = 1;
    for (Parameter p : parameters) {
      NDArray a = p.getArray();
      Shape s = a.getShape();
      if (p.getType() == Parameter.Type.WEIGHT && s.dimension() >= 2) {
        bound = 1 / Math.sqrt(s.size() / s.get(0));
      } else if (p.getType() != Parameter.Type.BIAS) {
        continue; // e.g. batch-norm gamma/beta keep DJL's initial values
      }
      double[] v = new double[Math.toIntExact(s.size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = (rng.nextDouble() * 2 - 1) * bound;
      }
      try (NDManager scratch = manager.newSubManager()) {
        a.set(new NDIndex("..."), scratch.create(v, s).toType(dtype, false));
      }
    }
  }
}
