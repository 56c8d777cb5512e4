package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
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
  private final Lane main;
  private final List<Lane> replicas = new ArrayList<>();
  private final SplittableRandom batches;
  private final SplittableRandom samples;
  private final EvalSet tune;
  private final List<EvalSet> evalSets = new ArrayList<>();
  private final double[] lossSum;
  private final int[] lossCount;
  private int epoch;
  private int targetSteps;

  /** Opens a run: builds and initialises the network and caches the evaluation data. */
  public TrainingRun(RunSpec spec) {
    this.spec = spec;
    this.manager = DjlRuntime.newManager();
    try {
      List<Task> tasks = spec.tasks();
      this.net = newNet(Streams.of(spec.seed(), Streams.INIT));
      this.params = net.parameters();
      this.main = new Lane(net);
      this.batches = Streams.of(spec.seed(), Streams.BATCHES);
      this.samples = Streams.of(spec.seed(), Streams.SAMPLES);
      Split targetDev = tasks.get(0).dev();
      int nTune = tuneSize(targetDev.size(), spec.devSplit());
      this.tune = new EvalSet(targetDev.slice(0, nTune));
      tune.members.add(new Member(0, false, labels(targetDev.slice(0, nTune))));
      for (int t = 0; t < tasks.size(); t++) {
        Split d = tasks.get(t).dev();
        addEvaluation(t, false, t == 0 ? d.slice(nTune, d.size()) : d);
        addEvaluation(t, true, tasks.get(t).test());
      }
      this.lossSum = new double[tasks.size()];
      this.lossCount = new int[tasks.size()];
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private MultiHeadNet newNet(SplittableRandom init) {
    List<Task> tasks = spec.tasks();
    int[] classes = tasks.stream().mapToInt(Task::classes).toArray();
    return new MultiHeadNet(manager, spec.trunk(), spec.headHidden(), classes, tasks.get(0).inputShape(), spec.dtype(), init);
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

  /** Every task's index, target (0) first. */
  public int[] allTasks() {
    int[] t = new int[taskCount()];
    Arrays.setAll(t, i -> i);
    return t;
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
    this.targetSteps = 0;
    Arrays.fill(lossSum, 0);
    Arrays.fill(lossCount, 0);
  }

  /**
   * Training batches of the target this epoch so far: each is one optimizer step that used the
   * target's gradient, on the run's network or on a lane.
   */
  public int targetSteps() {
    return targetSteps;
  }

  /** Mean training loss of each task this epoch so far; NaN for tasks that did not train. */
  public double[] epochLosses() {
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
    double[] w = weights.clone();
    trainInterleaved(
        new BatchWeighting() {
          @Override
          public boolean trains(int task) {
            return w[task] > 0;
          }

          @Override
          public double weight(int task) {
            return w[task];
          }
        });
  }

  /**
   * Decides, batch by batch, how much each task's loss counts in a round-robin pass; hears each
   * batch's (unweighted) loss afterwards. For loss-balancing methods whose weights move within an
   * epoch.
   */
  public interface BatchWeighting {
    /** Whether task {@code task} takes part in this pass. */
    boolean trains(int task);

    /** The weight of task {@code task}'s next batch. */
    double weight(int task);

    /** Task {@code task}'s batch had mean loss {@code loss}. */
    default void afterBatch(int task, double loss) {}
  }

  /**
   * One round-robin pass, batch by batch in turn until each participating task's data is used up,
   * with a fresh optimizer; each batch's loss is scaled by {@code w.weight(task)} just before it
   * trains.
   */
  public void trainInterleaved(BatchWeighting w) {
    int k = taskCount();
    int[][] order = new int[k][];
    int[] at = new int[k];
    for (int t = 0; t < k; t++) {
      if (w.trains(t)) {
        order[t] = Shuffle.permutation(spec.tasks().get(t).train().size(), batches);
      }
    }
    try (Sgd opt = new Sgd(manager, spec.learningRate(), spec.momentum())) {
      boolean live = true;
      while (live) {
        live = false;
        for (int t = 0; t < k; t++) {
          if (order[t] == null || at[t] >= order[t].length) {
            continue;
          }
          int count = Math.min(spec.batchSize(), order[t].length - at[t]);
          double loss = main.backward(t, order[t], at[t], count, w.weight(t));
          opt.step(main.taskParams.get(t));
          w.afterBatch(t, loss);
          at[t] += count;
          live = true;
        }
      }
    }
  }

  /**
   * One pass over a random fraction {@code rho} of task {@code task}'s training data, with a fresh
   * optimizer and the loss scaled by {@code weight}.
   */
  public void trainTask(int task, double weight, double rho) {
    main.pass(task, sample(task, rho), weight);
  }

  /**
   * From the same parameters {@code theta}, one pass per task with a positive weight, as {@link
   * #trainTask} does; returns each task's delta θ_t − θ (zero for a task of weight 0), and leaves
   * the model at θ. The passes are independent, so they run side by side on the {@link Lanes}, each
   * on its own copy of the network; which task trains on which lane depends only on the tasks'
   * sizes, so a seed gives the same numbers every time.
   */
  public List<ParamVector> passesFrom(ParamVector theta, double[] weights, double rho) {
    int k = taskCount();
    int[][] orders = new int[k][];
    int[] sizes = new int[k];
    for (int t = 0; t < k; t++) {
      orders[t] = weights[t] > 0 ? sample(t, rho) : null;
      sizes[t] = orders[t] == null ? -1 : orders[t].length;
    }
    ParamVector[] deltas = new ParamVector[k];
    try {
      onLanes(sizes, Lanes.count(), (lane, t) -> deltas[t] = lane.passFrom(theta, t, orders[t], weights[t]));
      for (int t = 0; t < k; t++) {
        if (deltas[t] == null) {
          deltas[t] = theta.axpy(-1, theta);
        }
      }
      setParameters(theta);
    } catch (RuntimeException e) {
      Arrays.stream(deltas).filter(d -> d != null).forEach(ParamVector::close);
      throw e;
    }
    return List.of(deltas);
  }

  /**
   * Runs {@code job} for each job of size ≥ 0, planned by {@link #plan}: on the run's own network,
   * one after the other, when the plan needs one lane; otherwise side by side on the lanes, each
   * starting from the run's current parameters.
   */
  private void onLanes(int[] sizes, int lanes, java.util.function.ObjIntConsumer<Lane> job) {
    List<List<Integer>> plan = plan(sizes, lanes);
    if (plan.size() <= 1) {
      plan.get(0).forEach(j -> job.accept(main, j));
      return;
    }
    syncLanes(plan.size());
    List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>();
    for (int l = 0; l < plan.size(); l++) {
      Lane lane = replicas.get(l);
      List<Integer> mine = plan.get(l);
      jobs.add(() -> {
        mine.forEach(j -> job.accept(lane, j));
        return null;
      });
    }
    Lanes.run(jobs);
  }

  /**
   * Jobs per lane: the largest first, each to the lane with the least work so far; jobs of size
   * below 0 are left out. Fewer lanes than {@code lanes} when there are fewer jobs.
   */
  static List<List<Integer>> plan(int[] sizes, int lanes) {
    List<Integer> jobs = new ArrayList<>();
    for (int j = 0; j < sizes.length; j++) {
      if (sizes[j] >= 0) {
        jobs.add(j);
      }
    }
    jobs.sort((a, b) -> sizes[b] != sizes[a] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
    int n = Math.max(1, Math.min(lanes, jobs.size()));
    List<List<Integer>> plan = new ArrayList<>();
    long[] load = new long[n];
    for (int l = 0; l < n; l++) {
      plan.add(new ArrayList<>());
    }
    for (int j : jobs) {
      int best = 0;
      for (int l = 1; l < n; l++) {
        if (load[l] < load[best]) {
          best = l;
        }
      }
      plan.get(best).add(j);
      load[best] += sizes[j];
    }
    return plan;
  }

  /**
   * Makes sure there are {@code n} lanes (the run's own network, then replicas) and copies the
   * run's current parameters to them.
   */
  private void syncLanes(int n) {
    while (replicas.size() < n) {
      replicas.add(replicas.isEmpty() ? main : new Lane(newNet(new SplittableRandom(0))));
    }
    try (ParamVector now = parameters()) {
      for (int l = 1; l < n; l++) {
        now.writeTo(replicas.get(l).params);
      }
    }
  }

  /**
   * A random fraction {@code rho} of task {@code task}'s training examples, in random order, both
   * drawn from the run's samples stream, so that ρ changes no other random draw.
   */
  private int[] sample(int task, double rho) {
    int n = spec.tasks().get(task).train().size();
    int m = Math.max(1, (int) (n * rho));
    int[] sample = Arrays.copyOf(Shuffle.permutation(n, samples), m);
    int[] perm = Shuffle.permutation(m, samples);
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = sample[perm[i]];
    }
    return order;
  }

  /**
   * How a joint step combines the tasks' gradients: for each participating task, a coefficient on
   * the shared trunk and one on its own head.
   */
  public interface StepCombiner {
    /**
     * The coefficients of one step.
     *
     * @param tasks the participating tasks, target first
     * @param gradients each task's gradient of its mean batch loss, in parameter-vector order
     */
    Combination combine(int[] tasks, List<ParamVector> gradients);
  }

  /**
   * Coefficients of a joint step, indexed like the participating tasks.
   *
   * @param trunk coefficient of each task's gradient on the shared trunk
   * @param head coefficient of each task's gradient on its own head
   */
  public record Combination(double[] trunk, double[] head) {}

  /**
   * Joint training: each step takes one batch of every task in {@code tasks}, computes each task's
   * gradient separately, and updates the model with the combination {@code combiner} chooses. A
   * pass lasts as many steps as the largest task has batches; smaller tasks cycle through their
   * data, reshuffled each time round. Fresh optimizer per pass.
   */
  public void trainJoint(int[] tasks, StepCombiner combiner) {
    int k = tasks.length;
    int[][] order = new int[k][];
    int[] at = new int[k];
    int steps = 0;
    List<Parameter> stepParams = new ArrayList<>(net.parametersOf(tasks[0]));
    for (int i = 0; i < k; i++) {
      int n = spec.tasks().get(tasks[i]).train().size();
      order[i] = Shuffle.permutation(n, batches);
      steps = Math.max(steps, (n + spec.batchSize() - 1) / spec.batchSize());
      if (i > 0) {
        stepParams.addAll(net.headParameters(tasks[i]));
      }
    }
    try (Sgd opt = new Sgd(manager, spec.learningRate(), spec.momentum())) {
      for (int s = 0; s < steps; s++) {
        List<ParamVector> grads = new ArrayList<>(k);
        try {
          for (int i = 0; i < k; i++) {
            int n = order[i].length;
            if (at[i] >= n) {
              order[i] = Shuffle.permutation(n, batches);
              at[i] = 0;
            }
            int count = Math.min(spec.batchSize(), n - at[i]);
            main.backward(tasks[i], order[i], at[i], count, 1);
            at[i] += count;
            grads.add(ParamVector.gradientOf(params, manager));
            Sgd.zeroGradients(params);
          }
          Combination c = combiner.combine(tasks.clone(), grads);
          try (ParamVector g = combined(tasks, grads, c)) {
            g.writeGradientsTo(stepParams, params);
          }
          opt.step(stepParams);
        } finally {
          grads.forEach(ParamVector::close);
        }
      }
    }
  }

  private ParamVector combined(int[] tasks, List<ParamVector> grads, Combination c) {
    int trunk = net.trunkSize();
    ParamVector sum = null;
    for (int i = 0; i < tasks.length; i++) {
      try (ParamVector part = grads.get(i).scaledParts(trunk, c.trunk()[i], c.head()[i])) {
        if (sum == null) {
          sum = part.axpy(0, part);
        } else {
          ParamVector next = sum.axpy(1, part);
          sum.close();
          sum = next;
        }
      }
    }
    return sum;
  }

  /**
   * A copy of the network with its own batch buffers: what one pass trains on. The run's own
   * network is the first lane; the others are replicas made when passes first run side by side.
   */
  private final class Lane {
    final MultiHeadNet net;
    final List<Parameter> params;
    final List<List<Parameter>> taskParams = new ArrayList<>();
    final float[] buffer;
    final long[] labelBuffer;
    final Shape[] batchShapes;

    Lane(MultiHeadNet net) {
      this.net = net;
      this.params = net.parameters();
      for (int t = 0; t < taskCount(); t++) {
        taskParams.add(net.parametersOf(t));
      }
      this.buffer = new float[spec.batchSize() * spec.tasks().get(0).featureSize()];
      this.labelBuffer = new long[spec.batchSize()];
      this.batchShapes = new Shape[spec.batchSize() + 1];
    }

    /** One pass over {@code order} with a fresh optimizer, the loss scaled by {@code weight}. */
    void pass(int task, int[] order, double weight) {
      try (Sgd opt = new Sgd(manager, spec.learningRate(), spec.momentum())) {
        for (int from = 0; from < order.length; from += spec.batchSize()) {
          backward(task, order, from, Math.min(spec.batchSize(), order.length - from), weight);
          opt.step(taskParams.get(task));
        }
      }
    }

    /** A pass over {@code order} from {@code theta}; returns the delta. */
    ParamVector passFrom(ParamVector theta, int task, int[] order, double weight) {
      theta.writeTo(params);
      pass(task, order, weight);
      try (ParamVector after = ParamVector.of(params, manager)) {
        return after.minus(theta);
      }
    }

    /** Mean loss and gradient of the tuning examples {@code [from, to)} on this lane's network. */
    LossGradient tuneShare(int from, int to) {
      double loss;
      try (NDScope scope = new NDScope();
          Autograd ag = new Autograd()) {
        NDIndex rows = new NDIndex("{}:{}", from, to);
        NDArray l = Losses.crossEntropy(net.logits(tune.x.get(rows), 0, false), tune.members.get(0).labels.get(rows));
        ag.backward(l);
        loss = Losses.value(l);
      }
      ParamVector g = ParamVector.gradientOf(params, manager);
      Sgd.zeroGradients(params);
      return new LossGradient(loss, g);
    }

    /** Accuracy and mean loss of each member of {@code s}, on this lane's network. */
    double[][] evaluate(EvalSet s) {
      int k = s.members.size();
      long[] correct = new long[k];
      double[] loss = new double[k];
      for (int from = 0; from < s.n; from += EVAL_CHUNK) {
        int to = Math.min(s.n, from + EVAL_CHUNK);
        try (NDScope scope = new NDScope()) {
          NDIndex rows = new NDIndex("{}:{}", from, to);
          NDArray features = net.features(s.x.get(rows), false);
          for (int i = 0; i < k; i++) {
            Member m = s.members.get(i);
            NDArray logits = net.head(features, m.task, false);
            NDArray y = m.labels.get(rows);
            correct[i] += logits.argMax(1).eq(y).sum().getLong();
            loss[i] += Losses.value(Losses.crossEntropy(logits, y)) * (to - from);
          }
        }
      }
      double[][] out = new double[k][];
      for (int i = 0; i < k; i++) {
        out[i] = new double[] {(double) correct[i] / s.n, loss[i] / s.n};
      }
      return out;
    }

    /**
     * Forward and backward pass of one batch of task {@code task}, its loss scaled by {@code
     * weight}; gradients accumulate into the parameters. Returns the unweighted mean loss.
     */
    double backward(int task, int[] order, int from, int count, double weight) {
      Split split = spec.tasks().get(task).train();
      int[] rows = Arrays.copyOfRange(order, from, from + count);
      split.gather(rows, count, buffer);
      for (int i = 0; i < count; i++) {
        labelBuffer[i] = split.label(rows[i]);
      }
      double loss;
      try (NDScope scope = new NDScope();
          Autograd ag = new Autograd()) {
        NDArray x = input(count);
        NDArray y = manager.create(Arrays.copyOf(labelBuffer, count));
        NDArray l = Losses.crossEntropy(net.logits(x, task, true), y);
        ag.backward(weight == 1 ? l : l.mul(Losses.scalar(manager, weight, spec.dtype())));
        loss = Losses.value(l);
      }
      if (!Double.isFinite(loss)) {
        Sgd.zeroGradients(params);
        throw new NonFiniteLossException(spec.tasks().get(task).name(), epoch, loss);
      }
      lossSum[task] += loss;
      lossCount[task]++;
      if (task == 0) {
        targetSteps++; // one lane at a time trains the target; Lanes.run publishes the count
      }
      return loss;
    }

    private NDArray input(int count) {
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
      NDArray x = manager.create(FloatBuffer.wrap(buffer, 0, (int) shape.size()), shape);
      return spec.dtype() == DataType.FLOAT32 ? x : x.toType(spec.dtype(), false);
    }
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
   * gradient of that loss with respect to all parameters: one forward and one backward pass. With
   * more than one lane, each lane takes an equal share of the tuning examples on its copy of the
   * network, and the shares' losses and gradients are averaged, weighted by their sizes.
   */
  public LossGradient tuneLossAndGradient() {
    int lanes = Math.min(Lanes.count(), tune.n);
    if (lanes <= 1) {
      return main.tuneShare(0, tune.n);
    }
    syncLanes(lanes);
    List<java.util.concurrent.Callable<LossGradient>> jobs = new ArrayList<>();
    int[] bounds = new int[lanes + 1];
    for (int l = 0; l <= lanes; l++) {
      bounds[l] = (int) ((long) tune.n * l / lanes);
    }
    for (int l = 0; l < lanes; l++) {
      Lane lane = replicas.get(l);
      int from = bounds[l];
      int to = bounds[l + 1];
      jobs.add(() -> lane.tuneShare(from, to));
    }
    List<LossGradient> parts = Lanes.run(jobs);
    try {
      double loss = 0;
      double[] share = new double[lanes];
      for (int l = 0; l < lanes; l++) {
        share[l] = (double) (bounds[l + 1] - bounds[l]) / tune.n;
        loss += share[l] * parts.get(l).loss();
      }
      // Σ share_l·g_l, written as g_0 + (share_0 − 1)·g_0 + Σ_{l>0} share_l·g_l
      double[] c = share.clone();
      c[0] -= 1;
      ParamVector g = parts.get(0).gradient().plusCombination(c, parts.stream().map(LossGradient::gradient).toList());
      return new LossGradient(loss, g);
    } finally {
      parts.forEach(p -> p.gradient().close());
    }
  }

  /** The target's mean loss on its tuning part of the dev split at the current parameters. */
  public double tuneLoss() {
    return main.evaluate(tune)[0][1];
  }

  /**
   * The target's loss on each example of its tuning part of the dev split, at the current
   * parameters: what a paired comparison of two parameter settings needs.
   */
  public double[] tuneLosses() {
    try (NDScope scope = new NDScope()) {
      NDArray l = Losses.perExample(net.logits(tune.x, 0, false), tune.members.get(0).labels);
      return l.toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  /**
   * A loss and the gradient of it with respect to all parameters.
   *
   * @param loss the loss
   * @param gradient the gradient, in parameter-vector order; the caller closes it
   */
  public record LossGradient(double loss, ParamVector gradient) {}

  /** Evaluates {@code split} of task {@code task}, sharing inputs with an earlier split if it can. */
  private void addEvaluation(int task, boolean isTest, Split split) {
    NDArray y = labels(split);
    for (EvalSet e : evalSets) {
      if (e.split.sameInputsAs(split)) {
        e.members.add(new Member(task, isTest, y));
        return;
      }
    }
    EvalSet e = new EvalSet(split);
    e.members.add(new Member(task, isTest, y));
    evalSets.add(e);
  }

  private NDArray labels(Split split) {
    return manager.create(Arrays.stream(split.labels()).asLongStream().toArray());
  }

  /**
   * Accuracy and mean loss of every task on its dev split (the model-selection part for the
   * target) and its test split: {@code [task][devAcc, devLoss, testAcc, testLoss]}. The trunk runs
   * once per distinct set of inputs; tasks built from the same images share it. The sets are
   * spread over the lanes.
   */
  double[][] evaluateAll() {
    return evaluateAll(Lanes.count());
  }

  /** {@link #evaluateAll()} on at most {@code lanes} lanes. */
  double[][] evaluateAll(int lanes) {
    int[] sizes = evalSets.stream().mapToInt(e -> e.n).toArray();
    double[][][] results = new double[evalSets.size()][][];
    onLanes(sizes, lanes, (lane, i) -> results[i] = lane.evaluate(evalSets.get(i)));
    double[][] out = new double[taskCount()][4];
    for (int s = 0; s < evalSets.size(); s++) {
      EvalSet e = evalSets.get(s);
      for (int i = 0; i < results[s].length; i++) {
        Member m = e.members.get(i);
        System.arraycopy(results[s][i], 0, out[m.task], m.isTest ? 2 : 0, 2);
      }
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }

  /** Which task's labels to score against a set of inputs, on its dev or its test split. */
  private record Member(int task, boolean isTest, NDArray labels) {}

  /** A set of evaluation inputs, copied once into the run's manager, and the tasks scored on it. */
  private final class EvalSet {
    final Split split;
    final NDArray x;
    final int n;
    final List<Member> members = new ArrayList<>();

    EvalSet(Split split) {
      this.split = split;
      this.n = split.size();
      float[] data = new float[n * split.featureSize()];
      split.gatherRange(0, n, data);
      long[] in = spec.tasks().get(0).inputShape();
      long[] dims = new long[in.length + 1];
      dims[0] = n;
      System.arraycopy(in, 0, dims, 1, in.length);
      NDArray raw = manager.create(data, new Shape(dims));
      this.x = spec.dtype() == DataType.FLOAT32 ? raw : raw.toType(spec.dtype(), false);
    }
  }
}
