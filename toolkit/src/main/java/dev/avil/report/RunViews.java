package dev.avil.report;

import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.store.RunFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The tables, figures and page of one run, each laid out here once, from what a run holds. {@code
 * dev.avil.api.Results} is a {@code dev.avil.results.Run}, whose accessors these are, with these
 * views beside them, so a notebook asks the results themselves, while a run never lays anything
 * out.
 *
 * <pre>{@code
 * Results r = experiment.run();      // a RunViews
 * r.summary();  r.weights();  r.judgement();  r.weightPlot();  r.curves();
 * }</pre>
 */
public interface RunViews {
  /** The verdicts {@link #judgement()} gives a task of a method that moved its weights. */
  List<String> VERDICTS = List.of("helpful", "unclear", "harmful", "target stopped");

  /** The verdict for every task of a method that never moved a weight. */
  String NOT_JUDGED = "not judged";

  /** The method's name. */
  String method();

  /** The run's seed. */
  long seed();

  /** The target task's name. */
  String target();

  /** Task names, target first. */
  List<String> tasks();

  /** Number of epochs that finished. */
  int epochs();

  /** Every record, in the order they were made. */
  List<Record> records();

  /** A value, or NaN if it was not recorded. */
  double value(int epoch, String task, Metric metric);

  /** The epoch with the best target dev accuracy. */
  int bestEpoch();

  /** The target's dev accuracy at the best dev epoch. */
  double devAtBest();

  /** The target's test accuracy at the best dev epoch. */
  double testAtBest();

  /** The target's test accuracy at the last epoch. */
  double testAtLast();

  /** Optimizer steps that used the target's gradient, up to and including the best dev epoch. */
  long targetSteps();

  /** Mean wall-clock seconds per epoch. */
  double secondsPerEpoch();

  /** A task's weights summed over the epochs. */
  double effectiveEpochs(String task);

  /**
   * Per task: the epoch chosen by the target's dev accuracy, dev and test accuracy there, test
   * accuracy at the last epoch, and the final weight.
   */
  default Table summary() {
    int best = bestEpoch();
    int last = epochs();
    return Tables.from(method() + " (seed " + seed() + ")", tasks())
        .text("task", t -> t)
        .text("role", t -> t.equals(target()) ? "target" : "auxiliary")
        .ints("best epoch", t -> best)
        .doubles("dev acc", t -> value(best, t, Metric.DEV_ACCURACY))
        .doubles("test acc", t -> value(best, t, Metric.TEST_ACCURACY))
        .doubles("test acc (last)", t -> value(last, t, Metric.TEST_ACCURACY))
        .doubles("final weight", t -> value(last, t, Metric.WEIGHT))
        .table();
  }

  /**
   * What the method judged of each auxiliary task: its final weight and effective epochs, both
   * beside the target's, and a verdict. <em>helpful</em>: its final weight is at least the
   * target's; <em>harmful</em>: at most half the target's; <em>unclear</em> in between; <em>not
   * judged</em> when the method never moved any weight (uniform MTL, single-task); <em>target
   * stopped</em> when the target's own final weight is 0 (the paper's rule can do that), so there
   * is nothing to compare with.
   */
  default Table judgement() {
    String target = target();
    int last = epochs();
    // the method judged if it measured the tasks (αVIL records their αs) or some task's weight
    // changed from one epoch to another (uniform MTL keeps every weight at 1, single-task the
    // auxiliary tasks' at 0)
    boolean moved =
        records().stream().anyMatch(x -> x.metric() == Metric.ALPHA)
            || records().stream()
                .filter(x -> x.metric() == Metric.WEIGHT)
                .collect(
                    Collectors.groupingBy(
                        Record::task, Collectors.mapping(Record::value, Collectors.toSet())))
                .values()
                .stream()
                .anyMatch(values -> values.size() > 1);
    double targetWeight = value(last, target, Metric.WEIGHT);
    double targetEpochs = effectiveEpochs(target);
    List<String> aux = tasks().stream().filter(t -> !t.equals(target)).toList();
    return Tables.from(method() + ": auxiliary tasks as judged (seed " + seed() + ")", aux)
        .text("task", t -> t)
        .doubles("final weight", t -> value(last, t, Metric.WEIGHT))
        .doubles("weight ÷ target's", t -> value(last, t, Metric.WEIGHT) / targetWeight)
        .doubles("effective epochs", this::effectiveEpochs)
        .doubles("effective epochs ÷ target's", t -> effectiveEpochs(t) / targetEpochs)
        .text("verdict", t -> verdict(moved, value(last, t, Metric.WEIGHT), targetWeight))
        .table();
  }

  private static String verdict(boolean moved, double weight, double targetWeight) {
    if (!moved) {
      return NOT_JUDGED;
    }
    if (!(targetWeight > 0)) {
      return VERDICTS.get(3); // the paper's rule can drop the target's own weight to 0
    }
    return VERDICTS.get(weight >= targetWeight ? 0 : weight <= targetWeight / 2 ? 2 : 1);
  }

  /** Task weights and αs per epoch: epoch, task, weight, alpha (NaN where the method has none). */
  default Table weights() {
    record TaskEpoch(int epoch, String task) {}
    List<TaskEpoch> rows = new ArrayList<>();
    for (int e = 1; e <= epochs(); e++) {
      for (String task : tasks()) {
        rows.add(new TaskEpoch(e, task));
      }
    }
    return Tables.from(method() + " weights", rows)
        .ints("epoch", TaskEpoch::epoch)
        .text("task", TaskEpoch::task)
        .doubles("weight", p -> value(p.epoch(), p.task(), Metric.WEIGHT))
        .doubles("alpha", p -> value(p.epoch(), p.task(), Metric.ALPHA))
        .table();
  }

  /** How each task's weight moved, epoch by epoch. */
  default Figure weightPlot() {
    String title = method() + ": task weights (seed " + seed() + ")";
    return Figures.lines(weights(), "epoch", "weight", "task", title, "epoch", "weight");
  }

  /** Dev and test accuracy of the target per epoch, and every task's training loss. */
  default Figure curves() {
    record Point(int epoch, String curve, double value) {}
    String target = target();
    List<Point> points = new ArrayList<>();
    for (int e = 1; e <= epochs(); e++) {
      points.add(new Point(e, target + " dev acc", value(e, target, Metric.DEV_ACCURACY)));
      points.add(new Point(e, target + " test acc", value(e, target, Metric.TEST_ACCURACY)));
    }
    for (String t : tasks()) {
      for (int e = 1; e <= epochs(); e++) {
        double loss = value(e, t, Metric.TRAIN_LOSS);
        if (!Double.isNaN(loss)) {
          points.add(new Point(e, t + " train loss", loss));
        }
      }
    }
    Table table =
        Tables.from("curves", points)
            .ints("epoch", Point::epoch)
            .text("curve", Point::curve)
            .doubles("value", Point::value)
            .table();
    String title = method() + ": learning curves (seed " + seed() + ")";
    return Figures.lines(table, "epoch", "value", "curve", title, "epoch", "accuracy / loss");
  }

  /** Every record as a long-format table: method, seed, epoch, task, metric, value. */
  default Table history() {
    return history("history", records());
  }

  /** Records as a long-format table: method, seed, epoch, task, metric, value. */
  static Table history(String name, List<Record> records) {
    return RunFiles.history(name, records);
  }

  /** The page of a run: its summary, the weight plot and the learning curves. */
  static HtmlReport page(RunViews r) {
    return new HtmlReport(r.method() + " (seed " + r.seed() + ")")
        .table(r.summary())
        .figure(r.weightPlot())
        .figure(r.curves());
  }
}
