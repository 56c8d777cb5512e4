package dev.avil.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.avil.model.MultiHeadNet;
import dev.avil.runtime.DjlRuntime;
import dev.avil.task.Split;
import dev.avil.task.Task;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One run's model, data and training primitives: what a {@link Strategy} uses to train an epoch.
 * Task 0 is the target. Every temporary array lives in an {@link NDScope} that closes; the model's
 * parameters and the cached evaluation data live in the run's manager, freed on {@link #close()}.
 *
 * <p>The work is done by the run's parts: the {@code LanePool} of network copies that passes train
 * on ({@code Lane}), the {@code Sampling} of batch orders, the loops ({@code RoundRobin}, {@code
 * JointSteps}), the {@code Evaluation} of every task and the target's {@code Tuning} data.
 *
 * <p>Loss weights enter the graph as torch-owned scalars ({@link Losses#scalar}); no Java number is
 * mixed into a tensor operation inside a gradient collector.
 */
public final class TrainingRun implements AutoCloseable {
  private final RunSpec spec;
  private final NDManager manager;
  private final EpochTally tally;
  private final LanePool lanes;
  private final Sampling sampling;
  private final Tuning tuning;
  private final Split tuningSplit;
  private final Evaluation evaluation;
  private final double chance;
  private double bestSelection = Double.NEGATIVE_INFINITY;

  /** Opens a run: builds and initialises the network and caches the evaluation data. */
  public TrainingRun(RunSpec spec) {
    this.spec = spec;
    this.manager = DjlRuntime.newManager(); // starts the engine if nothing has yet
    // PyTorch keeps grad mode per thread and DJL turns it off only on the engine's first thread; a
    // run opened on any other (a notebook cell's, a pool's, a test's) needs it off too
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    try {
      MultiHeadNet net = newNet(Streams.of(spec.seed(), Streams.INIT));
      this.tally = new EpochTally(spec.tasks().size());
      this.lanes =
          new LanePool(
              new Lane(spec, manager, net, tally),
              () -> new Lane(spec, manager, newNet(new SplittableRandom(0)), tally),
              Streams.of(spec.seed(), Streams.DROPOUT).nextLong());
      this.sampling = new Sampling(spec);
      Split targetDev = spec.tasks().get(0).dev();
      int nTune = TargetSplit.tuneSize(targetDev.size(), spec.devSplit());
      this.tuningSplit = targetDev.first(nTune);
      this.tuning = new Tuning(tuningSplit, spec, manager);
      this.evaluation = new Evaluation(spec, manager, nTune);
      this.chance = TargetSplit.selectionChance(spec);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private MultiHeadNet newNet(SplittableRandom init) {
    List<Task> tasks = spec.tasks();
    int[] classes = tasks.stream().mapToInt(Task::classes).toArray();
    return new MultiHeadNet(
        manager,
        spec.trunk(),
        spec.headHidden(),
        classes,
        tasks.get(0).inputShape(),
        spec.dtype(),
        init);
  }

  /** Hears the target's accuracy on the selection part of its dev split after an epoch. */
  void selected(double accuracy) {
    bestSelection = Math.max(bestSelection, accuracy);
  }

  /** Whether the target's best selection accuracy beats chance by the run's chance margin. */
  public boolean targetHasLeftChance() {
    return bestSelection > chance + spec.chanceMargin();
  }

  /** The run's seed. */
  public long seed() {
    return spec.seed();
  }

  /** The model's learning rate, the step size of every SGD update of the run. */
  public double learningRate() {
    return spec.learningRate();
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

  /** Where task {@code task}'s head lies in a parameter vector: {@code [from, to)}. */
  public int[] headRange(int task) {
    return lanes.main().net().headRange(task);
  }

  /** The current epoch, from 1. */
  public int epoch() {
    return tally.epoch();
  }

  void startEpoch(int e) {
    tally.start(e);
  }

  /** Training examples of task {@code task}: the length of its full pass. */
  public int trainSize(int task) {
    return spec.tasks().get(task).train().size();
  }

  /**
   * Training batches of the target this epoch so far: each is one optimizer step that used the
   * target's gradient, on the run's network or on a lane.
   */
  public int targetSteps() {
    return tally.targetSteps();
  }

  /** Mean training loss of each task this epoch so far; NaN for tasks that did not train. */
  public double[] epochLosses() {
    return tally.meanLosses();
  }

  /**
   * One pass over every task with a positive weight, batch by batch in turn (round robin) until
   * each task's data is used up, with a fresh optimizer. Each task's loss is scaled by its weight.
   */
  public void trainInterleaved(double[] weights) {
    trainInterleaved(BatchWeighting.fixed(weights, taskCount()));
  }

  /**
   * From the parameters {@code theta}, one branch: a pass as {@link #trainInterleaved(double[])}
   * makes, its batch order drawn from the run's stream {@link Streams#BRANCHES}, so that forking
   * branches leaves the batch order of the rest of the run as it was. Returns the branch's delta
   * θ_b − θ and leaves the model at θ.
   */
  public ParamVector branchFrom(ParamVector theta, double[] weights) {
    setParameters(theta);
    RoundRobin.pass(
        lanes.main(), sampling::branchOrder, BatchWeighting.fixed(weights, taskCount()));
    try (ParamVector after = parameters()) {
      ParamVector delta = after.minus(theta);
      setParameters(theta);
      return delta;
    }
  }

  /**
   * One round-robin pass, batch by batch in turn until each participating task's data is used up,
   * with a fresh optimizer; each batch's loss is scaled by {@code w.weight(task)} just before it
   * trains.
   */
  public void trainInterleaved(BatchWeighting w) {
    RoundRobin.pass(lanes.main(), sampling::order, w);
  }

  /**
   * One pass over a random fraction {@code rho} of task {@code task}'s training data, with a fresh
   * optimizer and the loss scaled by {@code weight}.
   */
  public void trainTask(int task, double weight, double rho) {
    lanes.main().pass(task, sampling.sample(task, rho), weight);
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
      orders[t] = weights[t] > 0 ? sampling.sample(t, rho) : null;
      sizes[t] = orders[t] == null ? -1 : orders[t].length;
    }
    ParamVector[] deltas = new ParamVector[k];
    try {
      lanes.run(
          sizes,
          Lanes.count(),
          (lane, t) -> {
            deltas[t] = lane.passFrom(theta, t, orders[t], weights[t]);
          });
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
   * Joint training: each step takes one batch of every task in {@code tasks}, computes each task's
   * gradient separately, and updates the model with the combination {@code combiner} chooses. A
   * pass trains on as many examples as the tasks have together, as an epoch of every other method
   * does; each task cycles through its data, reshuffled each time round, so a small target is
   * cycled several times and a large task gives a random part of its data. Fresh optimizer per
   * pass.
   */
  public void trainJoint(int[] tasks, StepCombiner combiner) {
    JointSteps.pass(lanes.main(), sampling, tuningSplit, tasks, combiner, false);
  }

  /**
   * Joint training as {@link #trainJoint}, with the combiner handed each task's gradient with
   * respect to the trunk's output (the shared representation) in place of its gradient on the
   * trunk's parameters: the gradient of its mean batch loss at each example's features, summed over
   * the batch. The trunk still moves by the combination of the tasks' trunk gradients.
   */
  public void trainJointAtFeatures(int[] tasks, StepCombiner combiner) {
    JointSteps.pass(lanes.main(), sampling, tuningSplit, tasks, combiner, true);
  }

  /** A snapshot of all parameters. The caller closes it. */
  public ParamVector parameters() {
    return lanes.main().parameters();
  }

  /** Sets all parameters to {@code v}. */
  public void setParameters(ParamVector v) {
    v.writeTo(lanes.main().params());
  }

  /**
   * The target's mean loss on its tuning part of the dev split at the current parameters, and the
   * gradient of that loss with respect to all parameters: one forward and one backward pass. With
   * more than one lane, each lane takes an equal share of the tuning examples on its copy of the
   * network, and the shares' losses and gradients are averaged, weighted by their sizes.
   */
  public LossGradient tuneLossAndGradient() {
    return tuning.lossAndGradient(lanes);
  }

  /**
   * From now on, measures the tuning loss at a fitted temperature: the logits are scaled by the
   * factor that minimises the tuning loss at the current parameters.
   *
   * @return the factor (the inverse temperature)
   */
  public double calibrateTuning() {
    return tuning.calibrate(lanes.main());
  }

  /** The target's mean loss on its tuning part of the dev split at the current parameters. */
  public double tuneLoss() {
    return tuning.loss(lanes.main());
  }

  /**
   * The target's loss on each example of its tuning part of the dev split, at the current
   * parameters: what a paired comparison of two parameter settings needs.
   */
  public double[] tuneLosses() {
    return tuning.losses(lanes.main());
  }

  /**
   * Accuracy and mean loss of every task on its dev split (the model-selection part for the target)
   * and its test split: {@code [task][devAcc, devLoss, testAcc, testLoss]}. The trunk runs once per
   * distinct set of inputs; tasks built from the same images share it. The sets are spread over the
   * lanes, at most {@code lanes} of them.
   */
  double[][] evaluateAll(int lanes) {
    return evaluation.all(this.lanes, lanes);
  }

  @Override
  public void close() {
    manager.close();
  }
}
