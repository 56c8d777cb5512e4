package dev.avil.api;

import dev.avil.report.Figures;
import dev.avil.report.Tables;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * What one run produced: a long-format list of {@link Record}s, the source of truth, and the run's
 * full configuration. Tables and figures are views of the records. Model selection is by the
 * target's dev accuracy (its model-selection part).
 *
 * <pre>{@code
 * Results r = Experiment.target(left).aux(right).alphaVil().run();
 * r.summary();         // per task: best-dev epoch, dev and test accuracy
 * r.testAtBest();      // the target's test accuracy at its best dev epoch
 * r.write(Path.of("results/run1"));
 * }</pre>
 */
public final class Results {
  private final String method;
  private final long seed;
  private final List<Record> records;
  private final Map<String, String> config;
  private final Map<String, Double> index = new HashMap<>();

  Results(String method, long seed, List<Record> records, Map<String, String> config) {
    this.method = method;
    this.seed = seed;
    this.records = List.copyOf(records);
    this.config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    for (Record r : this.records) {
      index.put(key(r.epoch(), r.task(), r.metric()), r.value());
    }
  }

  /**
   * The results of a run trained elsewhere (for example on a Spark executor), from its records
   * and configuration as {@link #records()} and {@link #config()} gave them.
   */
  public static Results of(String method, long seed, List<Record> records, Map<String, String> config) {
    return new Results(method, seed, records, config);
  }

  private static String key(int epoch, String task, Metric m) {
    return epoch + "\u0000" + task + "\u0000" + m.id();
  }

  /** The method's name. */
  public String method() {
    return method;
  }

  /** The run's seed. */
  public long seed() {
    return seed;
  }

  /** Every record, in the order they were made. */
  public List<Record> records() {
    return records;
  }

  /** The run's configuration, resolved: experiment settings, method options, data sizes, versions. */
  public Map<String, String> config() {
    return config;
  }

  /** Task names, target first. */
  public List<String> tasks() {
    LinkedHashSet<String> t = new LinkedHashSet<>();
    for (Record r : records) {
      if (!r.task().equals(Record.ALL_TASKS)) {
        t.add(r.task());
      }
    }
    return List.copyOf(t);
  }

  /** The target task's name. */
  public String target() {
    return config.getOrDefault("target", tasks().isEmpty() ? "" : tasks().get(0));
  }

  /** Number of epochs that finished. */
  public int epochs() {
    return records.stream().mapToInt(Record::epoch).max().orElse(0);
  }

  /** A value, or NaN if it was not recorded. */
  public double value(int epoch, String task, Metric metric) {
    return index.getOrDefault(key(epoch, task, metric), Double.NaN);
  }

  /** The epoch with the best target dev accuracy (the first, on ties); 0 if none finished. */
  public int bestEpoch() {
    int best = 0;
    double bestAcc = Double.NEGATIVE_INFINITY;
    for (int e = 1; e <= epochs(); e++) {
      double a = value(e, target(), Metric.DEV_ACCURACY);
      if (a > bestAcc) {
        bestAcc = a;
        best = e;
      }
    }
    return best;
  }

  /** The target's test accuracy at the best dev epoch. */
  public double testAtBest() {
    return value(bestEpoch(), target(), Metric.TEST_ACCURACY);
  }

  /** The target's test accuracy at the last epoch. */
  public double testAtLast() {
    return value(epochs(), target(), Metric.TEST_ACCURACY);
  }

  /** The target's dev accuracy at the best dev epoch. */
  public double devAtBest() {
    return value(bestEpoch(), target(), Metric.DEV_ACCURACY);
  }

  /**
   * Optimizer steps that used the target's gradient, up to and including the best dev epoch: the
   * target updates behind {@link #testAtBest()}. Read it beside the accuracy, since a method can
   * gain by giving the target more updates rather than by using the auxiliary tasks well.
   */
  public long targetSteps() {
    long steps = 0;
    for (int e = 1; e <= bestEpoch(); e++) {
      double v = value(e, Record.ALL_TASKS, Metric.TARGET_STEPS);
      steps += Double.isNaN(v) ? 0 : (long) v;
    }
    return steps;
  }

  /**
   * A task's weights summed over the epochs: how many full-weight epochs of training it got. A
   * single-task run gives its target one per epoch, and each auxiliary task none.
   */
  public double effectiveEpochs(String task) {
    double sum = 0;
    for (int e = 1; e <= epochs(); e++) {
      double w = value(e, task, Metric.WEIGHT);
      sum += Double.isNaN(w) ? 0 : w;
    }
    return sum;
  }

  /**
   * What the method judged of each auxiliary task: its final weight and effective epochs, both
   * beside the target's, and a verdict. <em>helpful</em>: its final weight is at least the
   * target's; <em>harmful</em>: at most half the target's; <em>unclear</em> in between; <em>not
   * judged</em> when the method never moved any weight (uniform MTL, single-task).
   */
  public Table judgement() {
    String target = target();
    // the method judged if its positive weights were ever anything but one value (1 in uniform MTL)
    boolean moved = records.stream().filter(r -> r.metric() == Metric.WEIGHT && r.value() != 0)
        .map(Record::value).distinct().count() > 1;
    double targetWeight = value(epochs(), target, Metric.WEIGHT);
    double targetEpochs = effectiveEpochs(target);
    StringColumn task = StringColumn.create("task");
    DoubleColumn weight = DoubleColumn.create("final weight");
    DoubleColumn relWeight = DoubleColumn.create("weight ÷ target's");
    DoubleColumn eff = DoubleColumn.create("effective epochs");
    DoubleColumn relEff = DoubleColumn.create("effective epochs ÷ target's");
    StringColumn verdict = StringColumn.create("verdict");
    for (String t : tasks()) {
      if (t.equals(target)) {
        continue;
      }
      double w = value(epochs(), t, Metric.WEIGHT);
      task.append(t);
      weight.append(w);
      relWeight.append(w / targetWeight);
      eff.append(effectiveEpochs(t));
      relEff.append(effectiveEpochs(t) / targetEpochs);
      verdict.append(!moved ? "not judged" : w >= targetWeight ? "helpful" : w <= targetWeight / 2 ? "harmful" : "unclear");
    }
    return Tables.of(method + ": auxiliary tasks as judged (seed " + seed + ")", task, weight, relWeight, eff, relEff, verdict);
  }

  /** Mean wall-clock seconds per epoch, evaluation included. */
  public double secondsPerEpoch() {
    return records.stream().filter(r -> r.metric() == Metric.SECONDS).mapToDouble(Record::value).average().orElse(Double.NaN);
  }

  /** Every record as a long-format table: method, seed, epoch, task, metric, value. */
  public Table history() {
    return historyTable("history", records);
  }

  static Table historyTable(String name, List<Record> rs) {
    StringColumn m = StringColumn.create("method");
    LongColumn s = LongColumn.create("seed");
    IntColumn e = IntColumn.create("epoch");
    StringColumn t = StringColumn.create("task");
    StringColumn k = StringColumn.create("metric");
    DoubleColumn v = DoubleColumn.create("value");
    for (Record r : rs) {
      m.append(r.method());
      s.append(r.seed());
      e.append(r.epoch());
      t.append(r.task());
      k.append(r.metric().id());
      v.append(r.value());
    }
    return Tables.of(name, m, s, e, t, k, v);
  }

  /**
   * Per task: the epoch chosen by the target's dev accuracy, dev and test accuracy there, and test
   * accuracy at the last epoch.
   */
  public Table summary() {
    int best = bestEpoch();
    int last = epochs();
    StringColumn task = StringColumn.create("task");
    StringColumn role = StringColumn.create("role");
    IntColumn epoch = IntColumn.create("best epoch");
    DoubleColumn dev = DoubleColumn.create("dev acc");
    DoubleColumn test = DoubleColumn.create("test acc");
    DoubleColumn testLast = DoubleColumn.create("test acc (last)");
    DoubleColumn weight = DoubleColumn.create("final weight");
    for (String t : tasks()) {
      task.append(t);
      role.append(t.equals(target()) ? "target" : "auxiliary");
      epoch.append(best);
      dev.append(value(best, t, Metric.DEV_ACCURACY));
      test.append(value(best, t, Metric.TEST_ACCURACY));
      testLast.append(value(last, t, Metric.TEST_ACCURACY));
      weight.append(value(last, t, Metric.WEIGHT));
    }
    return Tables.of(method + " (seed " + seed + ")", task, role, epoch, dev, test, testLast, weight);
  }

  /** Task weights and αs per epoch: epoch, task, weight, alpha (NaN where the method has none). */
  public Table weights() {
    IntColumn e = IntColumn.create("epoch");
    StringColumn t = StringColumn.create("task");
    DoubleColumn w = DoubleColumn.create("weight");
    DoubleColumn a = DoubleColumn.create("alpha");
    for (int ep = 1; ep <= epochs(); ep++) {
      for (String task : tasks()) {
        e.append(ep);
        t.append(task);
        w.append(value(ep, task, Metric.WEIGHT));
        a.append(value(ep, task, Metric.ALPHA));
      }
    }
    return Tables.of(method + " weights", e, t, w, a);
  }

  /** How each task's weight moved, epoch by epoch. */
  public Figure weightPlot() {
    return Figures.lines(weights(), "epoch", "weight", "task", method + ": task weights (seed " + seed + ")", "epoch", "weight");
  }

  /** Dev and test accuracy of the target per epoch, and every task's training loss. */
  public Figure curves() {
    IntColumn e = IntColumn.create("epoch");
    StringColumn c = StringColumn.create("curve");
    DoubleColumn v = DoubleColumn.create("value");
    for (int ep = 1; ep <= epochs(); ep++) {
      e.append(ep);
      c.append(target() + " dev acc");
      v.append(value(ep, target(), Metric.DEV_ACCURACY));
      e.append(ep);
      c.append(target() + " test acc");
      v.append(value(ep, target(), Metric.TEST_ACCURACY));
    }
    for (String t : tasks()) {
      for (int ep = 1; ep <= epochs(); ep++) {
        double loss = value(ep, t, Metric.TRAIN_LOSS);
        if (!Double.isNaN(loss)) {
          e.append(ep);
          c.append(t + " train loss");
          v.append(loss);
        }
      }
    }
    Table tab = Tables.of("curves", e, c, v);
    return Figures.lines(tab, "epoch", "value", "curve", method + ": learning curves (seed " + seed + ")", "epoch", "accuracy / loss");
  }

  /** Writes {@code history.csv} and {@code config.csv} into {@code dir}. */
  public void write(Path dir) {
    writeAll(dir, List.of(this));
  }

  /**
   * Reads results written by {@link #write}.
   *
   * @throws IllegalArgumentException if a line of either file is damaged (the message names the
   *     file, the line and what was expected), if the run is incomplete, or if {@code dir} holds
   *     several runs
   */
  public static Results read(Path dir) {
    RunFiles.Contents c = RunFiles.read(dir);
    if (!c.problems().isEmpty()) {
      Results r = c.incomplete().get(0);
      throw new IllegalArgumentException("incomplete run " + r.method() + " seed " + r.seed() + " in " + dir + ": " + c.problems().get(0));
    }
    if (c.complete().size() != 1) {
      throw new IllegalArgumentException(dir + " holds " + c.complete().size() + " runs; use Comparison.read for several");
    }
    return c.complete().get(0);
  }

  /**
   * Writes several runs into one {@code history.csv} and {@code config.csv}, each replaced
   * atomically; {@link Comparison#read} reads them. A study that writes run by run uses a {@link
   * CellStore}, which keeps each run in a folder of its own.
   */
  public static void writeAll(Path dir, List<Results> runs) {
    RunFiles.write(dir, runs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Results r && method.equals(r.method) && seed == r.seed && records.equals(r.records) && config.equals(r.config);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, seed, records, config);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "Results[%s seed %d: %d epochs, target %s test acc %.4f at best dev epoch %d]", method, seed, epochs(), target(), testAtBest(), bestEpoch());
  }
}
