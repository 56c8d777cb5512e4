package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.avil.model.MultiHeadNet;
import dev.avil.task.Split;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A copy of the network with its own batch buffers: what one pass trains on. The run's own network
 * is the first lane; the others are replicas that a {@link LanePool} makes when passes first run
 * side by side. Every temporary array lives in an {@link NDScope} that closes.
 */
final class Lane {
  private final RunSpec spec;
  private final NDManager manager;
  private final EpochTally tally;
  private final MultiHeadNet net;
  private final List<Parameter> params;
  private final List<List<Parameter>> taskParams = new ArrayList<>();
  // A batch is gathered into these two native buffers and copied from them into tensors PyTorch
  // owns. DJL would otherwise copy each Java array into a fresh direct buffer, whose native memory
  // is freed only when the garbage collector gets to it (about 50 MB a training epoch, which the
  // process kept until the heap filled), and the tensor would read that buffer, not a copy.
  private final ByteBuffer nativeFeatures;
  private final ByteBuffer nativeLabels;

  /** A lane on {@code net}, its arrays in {@code manager}, its batches counted in {@code tally}. */
  Lane(RunSpec spec, NDManager manager, MultiHeadNet net, EpochTally tally) {
    this.spec = spec;
    this.manager = manager;
    this.tally = tally;
    this.net = net;
    this.params = net.parameters();
    for (int t = 0; t < spec.tasks().size(); t++) {
      taskParams.add(net.parametersOf(t));
    }
    int features = spec.batchSize() * spec.tasks().get(0).featureSize();
    this.nativeFeatures =
        ByteBuffer.allocateDirect(features * Float.BYTES).order(ByteOrder.nativeOrder());
    this.nativeLabels =
        ByteBuffer.allocateDirect(spec.batchSize() * Long.BYTES).order(ByteOrder.nativeOrder());
  }

  /** The run's specification. */
  RunSpec spec() {
    return spec;
  }

  /** This lane's network. */
  MultiHeadNet net() {
    return net;
  }

  /** All parameters of this lane's network, in parameter-vector order. */
  List<Parameter> params() {
    return params;
  }

  /** The parameters task {@code task}'s loss reaches: the trunk and its own head. */
  List<Parameter> taskParams(int task) {
    return taskParams.get(task);
  }

  /** A snapshot of all parameters. The caller closes it. */
  ParamVector parameters() {
    return ParamVector.of(params, manager);
  }

  /** The gradient accumulated in all parameters, in parameter-vector order; zeroes it. */
  ParamVector takeGradient() {
    return takeGradient(params);
  }

  /** The gradient accumulated in {@code of}, in their order; zeroes it. */
  ParamVector takeGradient(List<Parameter> of) {
    ParamVector g = ParamVector.gradientOf(of, manager);
    Sgd.zeroGradients(of);
    return g;
  }

  /**
   * The velocity of {@code opt} on all parameters (zero without one), in parameter-vector order.
   */
  ParamVector velocity(ModelOptimizer opt) {
    return opt.velocity(params, manager);
  }

  /** A fresh optimizer of the run's kind at its learning rate. The caller closes it. */
  ModelOptimizer optimizer() {
    return spec.optimizer().open(manager, spec.learningRate());
  }

  /**
   * One pass over {@code order} with a fresh optimizer. The weight scales the task's loss under
   * SGD, whose step follows the loss's scale. AdamW normalises every step, so a weight on the loss
   * of a pass trained alone would not change where it goes: there the pass trains at weight 1 and
   * the weight scales the change it makes.
   */
  void pass(int task, int[] order, double weight) {
    boolean normalised = spec.optimizer().kind() == Optimizer.Kind.ADAMW && weight != 1;
    ParamVector start = normalised ? parameters() : null;
    try (ModelOptimizer opt = optimizer()) {
      for (int from = 0; from < order.length; from += spec.batchSize()) {
        int n = Math.min(spec.batchSize(), order.length - from);
        backward(task, order, from, n, normalised ? 1 : weight);
        opt.step(taskParams.get(task));
      }
    }
    if (normalised) {
      try (start;
          ParamVector end = parameters();
          ParamVector change = end.minus(start);
          ParamVector scaled = start.axpy(weight, change)) {
        scaled.writeTo(params);
      }
    }
  }

  /** A pass over {@code order} from {@code theta}; returns the delta. */
  ParamVector passFrom(ParamVector theta, int task, int[] order, double weight) {
    theta.writeTo(params);
    pass(task, order, weight);
    try (ParamVector after = parameters()) {
      return after.minus(theta);
    }
  }

  /**
   * Forward and backward pass of one batch of task {@code task}, its loss scaled by {@code weight};
   * gradients accumulate into the parameters. Returns the unweighted mean loss.
   *
   * @throws NonFiniteLossException if the loss is not finite
   */
  double backward(int task, int[] order, int from, int count, double weight) {
    return backward(task, order, from, count, weight, null);
  }

  /**
   * As {@link #backward} at weight 1, and adds to {@code out} the gradient of the batch's mean loss
   * with respect to the trunk's output, summed over the batch's examples: one value per feature.
   * The trunk's output is cut from the graph, so the head's backward pass ends there and hands its
   * gradient to the trunk's; together they make one backward pass of the whole network.
   */
  double backwardAtFeatures(int task, int[] order, int from, int count, List<ParamVector> out) {
    return backward(task, order, from, count, 1, out);
  }

  /**
   * The mean loss of one batch of task {@code task}, in evaluation mode (no dropout, no batch
   * statistics updated), without a gradient and without counting it in the epoch's losses: a second
   * look at a batch already trained on.
   */
  double loss(int task, int[] order, int from, int count) {
    gather(task, order, from, count);
    try (NDScope scope = new NDScope()) {
      return Losses.value(
          Losses.crossEntropy(net.logits(input(count), task, false), labels(count)));
    }
  }

  /** {@link #backward}, or with {@code out} {@link #backwardAtFeatures}. */
  private double backward(
      int task, int[] order, int from, int count, double weight, List<ParamVector> out) {
    gather(task, order, from, count);
    double loss;
    try (NDScope scope = new NDScope();
        Autograd ag = new Autograd(Autograd.kind(spec, count))) {
      NDArray x = input(count);
      NDArray y = labels(count);
      NDArray l;
      if (out == null) {
        l = Losses.crossEntropy(net.logits(x, task, true), y);
        ag.backward(weight == 1 ? l : l.mul(Losses.scalar(manager, weight, spec.dtype())));
      } else {
        NDArray z = net.features(x, true);
        NDArray cut = z.stopGradient();
        cut.setRequiresGradient(true);
        l = Losses.crossEntropy(net.head(cut, task, true), y);
        ag.backward(l);
        NDArray atFeatures = cut.getGradient();
        ag.backward(z, atFeatures);
        NDArray summed = atFeatures.sum(new int[] {0});
        NDScope.unregister(summed);
        out.add(ParamVector.own(summed, manager));
      }
      loss = Losses.value(l);
    }
    return counted(task, loss);
  }

  /**
   * The gradient over all parameters of task {@code task}'s mean loss on the rows {@code rows} of
   * {@code split} (at most a batch), in training mode, without counting it in the epoch: a look at
   * the model, not a training batch. The gradients are zero after.
   */
  ParamVector gradientOn(int task, Split split, int[] rows) {
    gather(split, rows, 0, rows.length);
    try (NDScope scope = new NDScope();
        Autograd ag = new Autograd(Autograd.kind(spec, rows.length))) {
      NDArray logits = net.logits(input(rows.length), task, true);
      ag.backward(Losses.crossEntropy(logits, labels(rows.length)));
    }
    return takeGradient();
  }

  /**
   * The inputs and labels of the rows {@code rows} of {@code split} (at most a batch), as arrays in
   * the current scope: a batch to look at the model with.
   */
  NDList batch(Split split, int[] rows) {
    gather(split, rows, 0, rows.length);
    return new NDList(input(rows.length), labels(rows.length));
  }

  /** A manager for arrays that live as long as the caller keeps it open. */
  NDManager newSubManager() {
    return manager.newSubManager();
  }

  /** Puts the features and labels of {@code count} rows of {@code order} into the buffers. */
  private void gather(int task, int[] order, int from, int count) {
    gather(spec.tasks().get(task).train(), order, from, count);
  }

  /** The same, from the rows of {@code split}. */
  private void gather(Split split, int[] order, int from, int count) {
    int[] rows = Arrays.copyOfRange(order, from, from + count);
    split.gather(rows, count, nativeFeatures.clear().asFloatBuffer());
    LongBuffer labels = nativeLabels.clear().asLongBuffer();
    for (int i = 0; i < count; i++) {
      labels.put(split.label(rows[i]));
    }
  }

  /**
   * Counts a batch of {@code task} with mean loss {@code loss} and returns the loss.
   *
   * @throws NonFiniteLossException if the loss is not finite
   */
  private double counted(int task, double loss) {
    if (!Double.isFinite(loss)) {
      Sgd.zeroGradients(params);
      throw new NonFiniteLossException(spec.tasks().get(task).name(), tally.epoch(), loss);
    }
    tally.batch(task, loss);
    return loss;
  }

  /** Takes back the target step of a joint step over {@code tasks} that was skipped. */
  void stepSkipped(int[] tasks) {
    for (int t : tasks) {
      tally.stepSkipped(t);
    }
  }

  private NDArray input(int count) {
    NDArray x = copied(nativeFeatures, spec.inputs(count), DataType.FLOAT32);
    return spec.dtype() == DataType.FLOAT32 ? x : x.toType(spec.dtype(), false);
  }

  private NDArray labels(int count) {
    return copied(nativeLabels, new Shape(count), DataType.INT64);
  }

  /**
   * A tensor of {@code shape} and {@code type} that PyTorch owns, copied from {@code bytes}: an
   * array made from (or set from) a direct buffer reads that buffer, which the next batch writes
   * over, so a batch kept for later would change under its holder.
   */
  private NDArray copied(ByteBuffer bytes, Shape shape, DataType type) {
    bytes.clear().limit(Math.toIntExact(shape.size()) * type.getNumOfBytes());
    try (NDArray view = manager.create(bytes, shape, type)) {
      return view.duplicate();
    }
  }
}
