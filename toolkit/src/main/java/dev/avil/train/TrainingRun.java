package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.avil.model.MultiHeadNet;
import dev.avil.task.Shuffle;
import dev.avil.task.Split;
import dev.avil.task.Task;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One run's model, data and training primitives: what a {@link Strategy} uses to train an epoch.
 * Task 0 is the target. Every temporary array lives in an {@link NDScope} that closes; the model's
 * parameters and the cached evaluation data live in the run's manager, freed on {@link #close()}.
 *
 * <p>Loss weights enter the graph as torch-owned scalars ({@link Losses#scalar}); no Java number
 * is mixed into a tensor operation inside a gradient collector.
 */
public final class TrainingRun implements AutoCloseable {
  private static final int EVAL_CHUNK = 1000;

  private final RunSpec spec;
  private final NDManager manager;
  private final MultiHeadNet net;
  private final List<Parameter> params;
  private final List<List<Parameter>> taskParams = new ArrayList<>();
  private final SplittableRandom batches;
  private final float[] buffer;
  private final long[] labelBuffer;
  private final Shape[] batchShapes;
  private final EvalSet tune;
  private final EvalSet[] dev;
  private final EvalSet[] test;
  private final double[] lossSum;
  private final int[] lossCount;
  private int epoch;

  /** Opens a run: builds and initialises the network and caches the evaluation data. */
  public TrainingRun(RunSpec spec) {
    this.spec = spec;
    this.manager = DjlRuntime.newManager();
    try {
      List<Task> tasks = spec.tasks();
      int[] classes = tasks.stream().mapToInt(Task::classes).toArray();
      long[] input = tasks.get(0).inputShape();
      this.net =
          new MultiHeadNet(
              manager,
              spec.trunk(),
              spec.headHidden(),
              classes,
              input,
              spec.dtype(),
              Streams.of(spec.seed(), Streams.INIT));
      this.params = net.parameters();
      for (int t = 0; t < tasks.size(); t++) {
        taskParams.add(net.parametersOf(t));
      }
      this.batches = Streams.of(spec.seed(), Streams.BATCHES);
      int fs = tasks.get(0).featureSize();
      this.buffer = new float[spec.batchSize() * fs];
      this.labelBuffer = new long[spec.batchSize()];
      this.batchShapes = new Shape[spec.batchSize() + 1];
      Split targetDev = tasks.get(0).dev();
      int nTune = tuneSize(targetDev.size(), spec.devSplit());
      this.tune = new EvalSet(targetDev.slice(0, nTune));
      this.dev = new EvalSet[tasks.size()];
      this.test = new EvalSet[tasks.size()];
      for (int t = 0; t < tasks.size(); t++) {
        Split d = tasks.get(t).dev();
        dev[t] = new EvalSet(t == 0 ? d.slice(nTune, d.size()) : d);
        test[t] = new EvalSet(tasks.get(t).test());
      }
      this.lossSum = new double[tasks.size()];
      this.lossCount = new int[tasks.size()];
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Number of target dev examples used for tuning, given the dev size and the tuning fraction.
   *
   * @throws IllegalArgumentException if either part would be empty
   */
  public static int tuneSize(int devSize, double devSplit) {
    int n = (int) Math.round(devSize * devSplit);
    if (n < 1 || n >= devSize) {
      throw new IllegalArgumentException(
          "dev split "
              + devSplit
              + " of the target's "
              + devSize
              + " dev examples leaves "
              + n
              + " for tuning and "
              + (devSize - n)
              + " for model selection; both need at least 1");
    }
    return n;
  }

  /** The run's specification. */
  public RunSpec spec() {
    return spec;
  }

  /** Number of tasks; the target is task 0. */
  public int taskCount() {
    return spec.tasks().size();
  }

  /** The network (for strategies that need its parameter layout). */
  public MultiHeadNet net() {
    return net;
  }

  /** The run's manager: arrays a strategy keeps across steps should live here. */
  public NDManager manager() {
    return manager;
  }

  /** The current epoch, from 1. */
  public int epoch() {
    return epoch;
  }

  void startEpoch(int e) {
    this.epoch = e;
    Arrays.fill(lossSum, 0);
    Arrays.fill(lossCount, 0);
  }

  /** Mean training loss of each task this epoch so far; NaN for tasks that did not train. */
  double[] epochLosses() {
    double[] out = new double[lossSum.length];
    for (int t = 0; t < out.length; t++) {
      out[t] = lossCount[t] == 0 ? Double.NaN : lossSum[t] / lossCount[t];
    }
    return out;
  }

  /**
   * One pass over every task with a positive weight, batch by batch in turn (round robin) until
   * each task's data is used up, with a fresh optimizer. Each task's loss is scaled by its weight.
   */
  public void trainInterleaved(double[] weights) {
    if (weights.length != taskCount()) {
      throw new IllegalArgumentException(weights.length + " weights for " + taskCount() + " tasks");
    }
    int k = taskCount();
    int[][] order = new int[k][];
    int[] at = new int[k];
    NDArray[] w = new NDArray[k];
    try (Sgd opt = new Sgd(manager, spec.learningRate(), spec.momentum())) {
      for (int t = 0; t < k; t++) {
        if (weights[t] > 0) {
          order[t] = Shuffle.permutation(spec.tasks().get(t).train().size(), batches);
          w[t] = weights[t] == 1 ? null : Losses.scalar(manager, weights[t], spec.dtype());
        }
      }
      boolean live = true;
      while (live) {
        live = false;
        for (int t = 0; t < k; t++) {
          if (order[t] == null || at[t] >= order[t].length) {
            continue;
          }
          int count = Math.min(spec.batchSize(), order[t].length - at[t]);
          step(t, order[t], at[t], count, w[t], opt);
          at[t] += count;
          live = true;
        }
      }
    } finally {
      for (NDArray a : w) {
        if (a != null) {
          a.close();
        }
      }
    }
  }

  /**
   * One pass over a random fraction {@code rho} of task {@code task}'s training data, with a fresh
   * optimizer and the loss scaled by {@code weight}.
   */
  public void trainTask(int task, double weight, double rho) {
    int n = spec.tasks().get(task).train().size();
    int m = Math.max(1, (int) (n * rho));
    int[] sample = Arrays.copyOf(Shuffle.permutation(n, batches), m);
    int[] perm = Shuffle.permutation(m, batches);
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = sample[perm[i]];
    }
    try (Sgd opt = new Sgd(manager, spec.learningRate(), spec.momentum());
        NDArray w = weight == 1 ? null : Losses.scalar(manager, weight, spec.dtype())) {
      for (int from = 0; from < m; from += spec.batchSize()) {
        step(task, order, from, Math.min(spec.batchSize(), m - from), w, opt);
      }
    }
  }

  private void step(int task, int[] order, int from, int count, NDArray weight, Sgd opt) {
    Split split = spec.tasks().get(task).train();
    int[] rows = Arrays.copyOfRange(order, from, from + count);
    split.gather(rows, count, buffer);
    for (int i = 0; i < count; i++) {
      labelBuffer[i] = split.label(rows[i]);
    }
    double loss;
    try (NDScope scope = new NDScope()) {
      NDArray x = input(buffer, count);
      NDArray y = manager.create(Arrays.copyOf(labelBuffer, count));
      try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
        NDArray l = Losses.crossEntropy(net.logits(x, task, true), y);
        gc.backward(weight == null ? l : l.mul(weight));
        loss = Losses.value(l);
      }
    }
    if (!Double.isFinite(loss)) {
      Sgd.zeroGradients(taskParams.get(task));
      throw new NonFiniteLossException(spec.tasks().get(task).name(), epoch, loss);
    }
    lossSum[task] += loss;
    lossCount[task]++;
    opt.step(taskParams.get(task));
  }

  private NDArray input(float[] data, int count) {
    Shape shape = batchShapes[Math.min(count, batchShapes.length - 1)];
    if (shape == null || shape.get(0) != count) {
      long[] in = spec.tasks().get(0).inputShape();
      long[] dims = new long[in.length + 1];
      dims[0] = count;
      System.arraycopy(in, 0, dims, 1, in.length);
      shape = new Shape(dims);
      if (count < batchShapes.length) {
        batchShapes[count] = shape;
      }
    }
    NDArray x = manager.create(FloatBuffer.wrap(data, 0, (int) shape.size()), shape);
    return spec.dtype() == DataType.FLOAT32 ? x : x.toType(spec.dtype(), false);
  }

  /** A snapshot of all parameters. The caller closes it. */
  public ParamVector parameters() {
    return ParamVector.of(params, manager);
  }

  /** Sets all parameters to {@code v}. */
  public void setParameters(ParamVector v) {
    v.writeTo(params);
  }

  /**
   * The target's mean loss on its tuning part of the dev split at the current parameters, and the
   * gradient of that loss with respect to all parameters: one forward and one backward pass.
   */
  public LossGradient tuneLossAndGradient() {
    double loss;
    try (NDScope scope = new NDScope()) {
      try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
        NDArray l = Losses.crossEntropy(net.logits(tune.x, 0, false), tune.y);
        gc.backward(l);
        loss = Losses.value(l);
      }
    }
    ParamVector g = ParamVector.gradientOf(params, manager);
    Sgd.zeroGradients(params);
    return new LossGradient(loss, g);
  }

  /** The target's mean loss on its tuning part of the dev split at the current parameters. */
  public double tuneLoss() {
    return evaluate(tune, 0)[1];
  }

  /**
   * A loss and the gradient of it with respect to all parameters.
   *
   * @param loss the loss
   * @param gradient the gradient, in parameter-vector order; the caller closes it
   */
  public record LossGradient(double loss, ParamVector gradient) {}

  /** Accuracy and mean loss of task {@code t} on its dev split (model-selection part for the target). */
  double[] evaluateDev(int t) {
    return evaluate(dev[t], t);
  }

  /** Accuracy and mean loss of task {@code t} on its test split. */
  double[] evaluateTest(int t) {
    return evaluate(test[t], t);
  }

  private double[] evaluate(EvalSet s, int task) {
    long correct = 0;
    double lossSumLocal = 0;
    for (int from = 0; from < s.n; from += EVAL_CHUNK) {
      int to = Math.min(s.n, from + EVAL_CHUNK);
      try (NDScope scope = new NDScope()) {
        NDIndex rows = new NDIndex("{}:{}", from, to);
        NDArray logits = net.logits(s.x.get(rows), task, false);
        NDArray y = s.y.get(rows);
        correct += logits.argMax(1).eq(y).sum().getLong();
        lossSumLocal += Losses.value(Losses.crossEntropy(logits, y)) * (to - from);
      }
    }
    return new double[] {(double) correct / s.n, lossSumLocal / s.n};
  }

  @Override
  public void close() {
    manager.close();
  }

  /** An evaluation split, copied once into the run's manager. */
  private final class EvalSet {
    final NDArray x;
    final NDArray y;
    final int n;

    EvalSet(Split split) {
      this.n = split.size();
      float[] data = new float[n * split.featureSize()];
      split.gatherRange(0, n, data);
      long[] in = spec.tasks().get(0).inputShape();
      long[] dims = new long[in.length + 1];
      dims[0] = n;
      System.arraycopy(in, 0, dims, 1, in.length);
      NDArray raw = manager.create(data, new Shape(dims));
      this.x = spec.dtype() == DataType.FLOAT32 ? raw : raw.toType(spec.dtype(), false);
      this.y = manager.create(Arrays.stream(split.labels()).asLongStream().toArray());
    }
  }
}
