package dev.avil.report;

import static tech.tablesaw.aggregate.AggregateFunctions.mean;

import dev.avil.results.Metric;
import dev.avil.results.Record;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The tables, figures and page of a comparison (several methods over several seeds), each laid out
 * here once, from the runs it holds. {@code dev.avil.api.Comparison} holds them and implements the
 * accessors; the views come with them, and {@code c.save(dir)} writes the same {@link #page} that
 * the notebook shows.
 *
 * <pre>{@code
 * Comparison c = plan.run();         // a ComparisonViews
 * c.table();  c.plot();  c.weightPlot();  c.perSeed();
 * }</pre>
 */
public interface ComparisonViews {
  /** Method names, in the order given. */
  List<String> methods();

  /** Every run that finished. */
  List<? extends RunViews> runs();

  /** One line per run that failed: method, seed and why. */
  List<String> failures();

  /** Whether the comparison was interrupted before it finished. */
  boolean interrupted();

  /** The reference method of paired differences. */
  String baseline();

  /**
   * Per method: runs, mean ± std of the target's test accuracy at the best dev epoch and at the
   * last epoch, the paired difference (same seed) to the baseline with its 95% t interval, its
   * worst seed and per-seed values, the mean target steps to the best epoch, the mean epochs
   * trained, and seconds per epoch. The statistics come from {@link SeedStats}.
   */
  default Table table() {
    Table runs = SeedStats.runs(runs());
    Table m = SeedStats.methods(runs, methods());
    Table d = SeedStats.differences(runs, methods(), baseline());
    return Tables.of(
        "target test accuracy at the best dev epoch",
        m.column("method"),
        m.column("runs"),
        m.column("test acc mean"),
        m.column("test acc std"),
        m.column("test acc (last) mean"),
        d.column("Δ vs " + baseline()),
        d.column("Δ 95% low"),
        d.column("Δ 95% high"),
        d.column("worst Δ"),
        d.column("Δ per seed"),
        m.column("target steps"),
        m.column("epochs"),
        m.column("s/epoch"));
  }

  /**
   * Which auxiliary tasks each method judged helpful and which harmful, over its seeds: one row per
   * method that moved its weights and auxiliary task, with the final weight and the effective
   * epochs (summed weights) as fractions of the target's, means over seeds, and how many seeds gave
   * each verdict of {@link RunViews#judgement()}.
   */
  default Table judgement() {
    record Row(String method, String task, double weight, double epochs, int[] verdicts) {}
    List<Row> rows = new ArrayList<>();
    for (String m : methods()) {
      List<Table> judged =
          runs().stream()
              .filter(r -> r.method().equals(m))
              .map(RunViews::judgement)
              .filter(j -> !j.stringColumn("verdict").contains(RunViews.NOT_JUDGED))
              .toList();
      if (judged.isEmpty()) {
        continue;
      }
      for (String task : judged.get(0).stringColumn("task").asList()) {
        double w = 0;
        double e = 0;
        int[] verdicts = new int[RunViews.VERDICTS.size()];
        for (Table j : judged) {
          int i = j.stringColumn("task").indexOf(task);
          w += j.doubleColumn("weight ÷ target's").getDouble(i) / judged.size();
          e += j.doubleColumn("effective epochs ÷ target's").getDouble(i) / judged.size();
          verdicts[RunViews.VERDICTS.indexOf(j.getString(i, "verdict"))]++;
        }
        rows.add(new Row(m, task, w, e, verdicts));
      }
    }
    Tables.Builder<Row> b =
        Tables.from("auxiliary tasks as judged, over seeds", rows)
            .text("method", Row::method)
            .text("task", Row::task)
            .doubles("weight ÷ target's", Row::weight)
            .doubles("effective epochs ÷ target's", Row::epochs);
    for (int v = 0; v < RunViews.VERDICTS.size(); v++) {
      int at = v;
      b = b.ints(RunViews.VERDICTS.get(v), r -> r.verdicts()[at]);
    }
    return b.table();
  }

  /**
   * One row per run: method, seed, best epoch, dev and test accuracy at it, test at the last epoch,
   * target steps to the best epoch and epochs trained.
   */
  default Table perSeed() {
    return SeedStats.runs(runs()).removeColumns("s/epoch");
  }

  /**
   * Mean task weight per epoch over the seeds that trained that epoch, for every method and task:
   * series ("METHOD · TASK"), epoch, weight.
   */
  default Table meanWeights() {
    return meanWeights(methods());
  }

  /** {@link #meanWeights()} of the methods {@code names} only. */
  private Table meanWeights(List<String> names) {
    record Weight(int series, String name, int epoch, double weight) {}
    List<Weight> all = new ArrayList<>();
    List<String> series = new ArrayList<>();
    for (String m : names) {
      List<Record> weights =
          runs().stream()
              .filter(r -> r.method().equals(m))
              .flatMap(r -> r.records().stream())
              .filter(x -> x.metric() == Metric.WEIGHT)
              .toList();
      for (Record x : weights) {
        String name = m + " · " + x.task();
        if (!series.contains(name)) {
          series.add(name);
        }
        all.add(new Weight(series.indexOf(name), name, x.epoch(), x.value()));
      }
    }
    Table weights =
        Tables.from("weights", all)
            .ints("order", Weight::series)
            .text("series", Weight::name)
            .ints("epoch", Weight::epoch)
            .doubles("weight", Weight::weight)
            .table();
    Table s =
        weights
            .summarize("weight", mean)
            .by("order", "series", "epoch")
            .sortAscendingOn("order", "epoch");
    return Tables.of(
        "mean weights",
        s.column("series"),
        s.column("epoch"),
        s.column("Mean [weight]").setName("weight"));
  }

  /** The target's test accuracy per method: the mean as a bar, every seed as a point. */
  default Figure plot() {
    Table runs = SeedStats.runs(runs());
    Table m = SeedStats.methods(runs, methods());
    return Figures.barsWithPoints(
        m.stringColumn("method"),
        m.doubleColumn("test acc mean"),
        runs.stringColumn("method"),
        runs.doubleColumn("test acc"),
        "Target test accuracy at the best dev epoch",
        "test accuracy");
  }

  /** Mean task weights per epoch, one line per method and task. */
  default Figure weightPlot() {
    return weightPlot(methods().toArray(String[]::new));
  }

  /**
   * {@link #weightPlot()} of the methods {@code names} only, in that order.
   *
   * @throws IllegalArgumentException naming the methods compared, if a name is not one of them
   */
  default Figure weightPlot(String... names) {
    for (String n : names) {
      if (!methods().contains(n)) {
        throw new IllegalArgumentException(
            "no method '" + n + "' in this comparison; it has " + String.join(", ", methods()));
      }
    }
    return Figures.lines(
        meanWeights(List.of(names)),
        "epoch",
        "weight",
        "series",
        "Task weights (mean over seeds)",
        "epoch",
        "weight");
  }

  /** Every record of every finished run, long format: method, seed, epoch, task, metric, value. */
  default Table history() {
    return RunViews.history("history", runs().stream().flatMap(r -> r.records().stream()).toList());
  }

  /**
   * Writes the figures of the {@link #page} as SVG into {@code dir}, each atomically: {@code
   * accuracy.svg} ({@link #plot}) and {@code weights.svg} ({@link #weightPlot}).
   */
  static void saveFigures(ComparisonViews c, Path dir) {
    c.plot().save(dir.resolve("accuracy.svg"));
    c.weightPlot().save(dir.resolve("weights.svg"));
  }

  /**
   * The page of a comparison: what was compared, the table, the accuracy plot, the weight plot, the
   * runs, and the runs that did not finish.
   */
  static HtmlReport page(ComparisonViews c) {
    HtmlReport page = new HtmlReport("αVIL toolkit: method comparison");
    if (!c.runs().isEmpty()) {
      RunViews first = c.runs().get(0);
      String seeds =
          c.runs().stream()
              .map(r -> Long.toString(r.seed()))
              .collect(Collectors.toCollection(LinkedHashSet::new))
              .toString();
      page.paragraph(
          "Target: "
              + first.target()
              + ". Tasks: "
              + String.join(", ", first.tasks())
              + ". Seeds: "
              + seeds
              + ". Epochs: "
              + first.epochs()
              + ". Model selection by the target's dev accuracy.");
    }
    page.table(c.table())
        .figure(c.plot())
        .heading("Task weights")
        .figure(c.weightPlot())
        .heading("Runs")
        .table(c.perSeed());
    if (!c.failures().isEmpty()) {
      page.heading(c.interrupted() ? "Interrupted" : "Failed runs");
      if (c.interrupted()) {
        page.paragraph(
            "The tables show the " + c.runs().size() + " runs that finished; these did not:");
      }
      page.list(c.failures());
    }
    return page;
  }
}
