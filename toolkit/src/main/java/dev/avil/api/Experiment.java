package dev.avil.api;

import ai.djl.ndarray.types.DataType;
import dev.avil.model.Trunk;
import dev.avil.model.Trunks;
import dev.avil.results.Record;
import dev.avil.task.Task;
import dev.avil.train.DefaultListener;
import dev.avil.train.EpochLoop;
import dev.avil.train.Optimizer;
import dev.avil.train.RunFailedException;
import dev.avil.train.RunSpec;
import dev.avil.train.TargetSplit;
import dev.avil.train.TrainingListener;
import dev.avil.weighting.AlphaVilOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A target-focused multitask experiment: one target task, auxiliary tasks, a shared trunk and a
 * method. Immutable: each step returns a new experiment and checks its input at once.
 *
 * <pre>{@code
 * Results r = Experiment.target(left).aux(right, noise)
 *     .trunk(Trunks.lenet()).epochs(10).batchSize(64).seed(1)
 *     .alphaVil(a -> a.rho(1.0).alphaSteps(10))
 *     .run();
 *
 * Comparison c = Experiment.target(left).aux(right, noise)
 *     .compare(Method.singleTask(), Method.uniform(), Method.alphaVil())
 *     .seeds(1, 2, 3)
 *     .run();
 * }</pre>
 *
 * <p>Defaults: LeNet for 1×28×28 inputs and an MLP (64) otherwise, heads with 50 hidden units, 10
 * epochs, batch 64, SGD with learning rate 0.05 and momentum 0.9, seed 1, αVIL, and half of the
 * target's dev split for tuning (used by αVIL) and half for model selection (used by every method,
 * so all are selected on the same data).
 */
public final class Experiment {
  private final Task target;
  private final Options o;

  /**
   * The settings of an experiment. They are only ever set on a fresh copy inside {@link #with}: an
   * experiment never changes once a step has returned it.
   */
  private static final class Options implements Cloneable {
    private List<Task> aux = List.of();
    private Trunk trunk;
    private int headHidden = 50;
    private int epochs = 10;
    private int patience = 0;
    private double patienceGrowth = 0;
    private double chanceMargin = 0.05;
    private int batchSize = 64;
    private double learningRate = 0.05;
    private Optimizer optimizer = Optimizer.sgd();
    private double devSplit = 0.5;
    private long seed = 1;
    private Precision precision = Precision.FLOAT32;
    private Method method = Method.alphaVil();
    private TrainingListener listener;

    Options copy() {
      try {
        return (Options) clone(); // every field is immutable, so a shallow copy is a copy
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private Experiment(Task target, Options o) {
    this.target = target;
    this.o = o;
  }

  /** A copy of this experiment with {@code change} applied to the copy's settings. */
  private Experiment with(Consumer<Options> change) {
    Options copy = o.copy();
    change.accept(copy);
    return new Experiment(target, copy);
  }

  /** Starts an experiment on {@code target}, the task whose performance counts. */
  public static Experiment target(Task target) {
    ExperimentChecks.require(target != null, "target task", target, "a Task");
    return new Experiment(target, new Options());
  }

  /**
   * The tasks of this experiment.
   *
   * @return the target first, then the auxiliary tasks in the order given
   */
  public List<Task> tasks() {
    return Stream.concat(Stream.of(target), o.aux.stream()).toList();
  }

  /** Adds auxiliary tasks: candidate helpers (or harms) of the target. */
  public Experiment aux(Task... tasks) {
    List<Task> all = ExperimentChecks.withAux(target, o.aux, tasks);
    return with(c -> c.aux = all);
  }

  /** The shared trunk. Default: {@link Trunks#lenet()} for 1×28×28 inputs, else {@code mlp(64)}. */
  public Experiment trunk(Trunk t) {
    ExperimentChecks.trunkFits(target, t);
    return with(c -> c.trunk = t);
  }

  /** Hidden units of each task head (linear → ReLU → linear). Default 50. */
  public Experiment headHidden(int units) {
    ExperimentChecks.positive("head hidden units", units);
    return with(c -> c.headHidden = units);
  }

  /** Number of epochs, ≥ 1: the maximum when {@link #patience} is set. Default 10. */
  public Experiment epochs(int n) {
    ExperimentChecks.positive("epochs", n);
    return with(c -> c.epochs = n);
  }

  /**
   * Early stopping: stop once {@code epochs} epochs have passed without a better target accuracy on
   * the selection part of its dev split, once the target has left chance ({@link #chanceMargin}); 0
   * turns it off. The result is the model at the best selection epoch either way. Default 0.
   *
   * <pre>{@code
   * experiment.epochs(100).patience(10)   // at most 100 epochs, stop after 10 without progress
   * }</pre>
   */
  public Experiment patience(int epochs) {
    ExperimentChecks.require(epochs >= 0, "patience", epochs, "≥ 0 (0 turns early stopping off)");
    return with(c -> c.patience = epochs);
  }

  /**
   * Lets the patience grow with the run: after a best selection epoch {@code e}, early stopping
   * waits {@code growth × e} epochs where that is more than the {@link #patience}, so that a target
   * still improving late in the run is not cut off by the noise of its dev accuracy. In [0, 10]; 0
   * keeps the patience fixed. Default 0.
   */
  public Experiment patienceGrowth(double growth) {
    ExperimentChecks.require(growth >= 0 && growth <= 10, "patience growth", growth, "in [0, 10]");
    return with(c -> c.patienceGrowth = growth);
  }

  /**
   * Early stopping waits until the target has left chance: until its best accuracy on the selection
   * part of its dev split exceeds the share of its most frequent class there by {@code margin}, in
   * [0, 1); 0 counts the patience from the first epoch. Default 0.05. A target of a few hundred
   * images makes a few steps an epoch, and LeNet can take more than ten such epochs to start
   * learning: counted from the first epoch, the patience would stop it at chance.
   */
  public Experiment chanceMargin(double margin) {
    ExperimentChecks.require(
        margin >= 0 && margin < 1, "chance margin", margin, "in [0, 1) (0: from epoch 1)");
    return with(c -> c.chanceMargin = margin);
  }

  /** Examples per batch, ≥ 1. Default 64. */
  public Experiment batchSize(int n) {
    ExperimentChecks.positive("batch size", n);
    return with(c -> c.batchSize = n);
  }

  /** The model's learning rate, > 0, whichever the optimiser. Default 0.05. */
  public Experiment learningRate(double lr) {
    ExperimentChecks.require(lr > 0 && Double.isFinite(lr), "learning rate", lr, "finite, > 0");
    return with(c -> c.learningRate = lr);
  }

  /** The model's optimiser, for every method. Default {@link Optimizer#sgd()}, momentum 0.9. */
  public Experiment optimizer(Optimizer o) {
    ExperimentChecks.require(o != null, "optimizer", o, "Optimizer.sgd() or Optimizer.adamW()");
    return with(c -> c.optimizer = o);
  }

  /**
   * The fraction of the target's dev split used for tuning (αVIL's α), in (0, 1); the rest selects
   * the model for every method. Default 0.5.
   */
  public Experiment devSplit(double fraction) {
    ExperimentChecks.require(fraction > 0 && fraction < 1, "dev split", fraction, "in (0, 1)");
    TargetSplit.tuneSize(target.dev().size(), fraction);
    return with(c -> c.devSplit = fraction);
  }

  /** The seed of initialisation, batch order and anything random in the method. Default 1. */
  public Experiment seed(long s) {
    return with(c -> c.seed = s);
  }

  /** The number type of training and evaluation. Default {@link Precision#FLOAT32}. */
  public Experiment precision(Precision p) {
    ExperimentChecks.require(p != null, "precision", p, "FLOAT32 or FLOAT64");
    return with(c -> c.precision = p);
  }

  /**
   * Where progress goes. Default: {@link DefaultListener}, asked once per {@code run()}: one line
   * per epoch on standard output, or one updating output in a notebook.
   */
  public Experiment listener(TrainingListener l) {
    ExperimentChecks.require(
        l != null, "listener", l, "a listener, e.g. TrainingListener.silent()");
    return with(c -> c.listener = l);
  }

  /** Trains with {@code m}. */
  public Experiment method(Method m) {
    ExperimentChecks.require(m != null, "method", m, "a Method, e.g. Method.uniform()");
    return with(c -> c.method = m);
  }

  /**
   * αVIL with default options: the one method with a shortcut, as the toolkit is about it; every
   * other is {@link #method}{@code (Method.uniform())} and the like.
   */
  public Experiment alphaVil() {
    return method(Method.alphaVil());
  }

  /** αVIL with options, e.g. {@code a -> a.rho(0.5)}. */
  public Experiment alphaVil(UnaryOperator<AlphaVilOptions> options) {
    return method(Method.alphaVil(options));
  }

  /** Compares {@code methods} on this experiment; the seeds are {@link ComparisonPlan#seeds}. */
  public ComparisonPlan compare(Method... methods) {
    return new ComparisonPlan(this, ExperimentChecks.distinct(methods), new long[] {o.seed}, true);
  }

  /**
   * Trains and evaluates, on every lane of the PyTorch thread budget (2 by default), where a
   * comparison gives each of its runs one lane: the same seed then gives numbers that differ in the
   * last bits, and the configuration records the lanes ({@code lanes}).
   *
   * @throws IllegalArgumentException if the method needs auxiliary tasks and there are none, or the
   *     input shape does not fit the trunk
   * @throws TrainingFailedException if training stops early; it carries the finished epochs
   */
  public Results run() {
    return runWith(o.method, o.seed, listenerFor(1));
  }

  /** Checks that every one of {@code methods} accepts this experiment's auxiliary tasks. */
  void checkAux(List<Method> methods) {
    methods.forEach(m -> ExperimentChecks.auxFor(m, o.aux));
  }

  TrainingListener listenerFor(int runs) {
    return o.listener != null ? o.listener : DefaultListener.create(runs);
  }

  Results runWith(Method m, long s, TrainingListener l) {
    ExperimentChecks.auxFor(m, o.aux);
    Trunk t = resolvedTrunk();
    ExperimentChecks.trunkFits(target, t);
    RunSpec spec =
        new RunSpec(
            m.name(),
            tasks(),
            t,
            o.headHidden,
            o.epochs,
            o.patience,
            o.patienceGrowth,
            o.chanceMargin,
            o.batchSize,
            o.learningRate,
            o.optimizer,
            o.devSplit,
            s,
            o.precision == Precision.FLOAT64 ? DataType.FLOAT64 : DataType.FLOAT32);
    Map<String, String> config = RunConfig.of(m, spec);
    try {
      List<Record> records = EpochLoop.run(spec, m.newStrategy(), l);
      return new Results(m.name(), s, records, config);
    } catch (RunFailedException e) {
      Results partial = new Results(m.name(), s, e.records(), config);
      throw new TrainingFailedException(e.getMessage(), partial, e.getCause());
    }
  }

  private Trunk resolvedTrunk() {
    if (o.trunk != null) {
      return o.trunk;
    }
    boolean image = Arrays.equals(target.inputShape(), new long[] {1, 28, 28});
    return image ? Trunks.lenet() : Trunks.mlp(64);
  }
}
