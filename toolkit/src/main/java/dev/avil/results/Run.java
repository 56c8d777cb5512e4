package dev.avil.results;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run's data: its long-format {@link Record}s, the source of truth, and its configuration, with
 * the questions every view asks of them (the best epoch by the target's selection accuracy, the
 * test accuracy there, target steps). Immutable. {@code dev.avil.api.Results} is a run with its
 * tables and figures beside it.
 *
 * <pre>{@code
 * Run run = new Run("uniform", 1, records, config);
 * run.testAtBest();
 * }</pre>
 */
public class Run {
  private final String method;
  private final long seed;
  private final List<Record> records;
  private final Map<String, String> config;
  private final Map<String, Double> index = new HashMap<>();

  /**
   * A run's records and configuration.
   *
   * @param method the method's name
   * @param seed the seed
   * @param records every record, in the order made; copied
   * @param config the resolved configuration; copied
   */
  public Run(String method, long seed, List<Record> records, Map<String, String> config) {
    this.method = method;
    this.seed = seed;
    this.records = List.copyOf(records);
    this.config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    for (Record r : this.records) {
      index.put(key(r.epoch(), r.task(), r.metric()), r.value());
    }
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

  /**
   * The run's configuration, resolved: experiment settings, method options, data sizes, versions.
   */
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

  /** Mean wall-clock seconds per epoch, evaluation included. */
  public double secondsPerEpoch() {
    return records.stream()
        .filter(r -> r.metric() == Metric.SECONDS)
        .mapToDouble(Record::value)
        .average()
        .orElse(Double.NaN);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Run r
        && method.equals(r.method)
        && seed == r.seed
        && records.equals(r.records)
        && config.equals(r.config);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, seed, records, config);
  }
}
