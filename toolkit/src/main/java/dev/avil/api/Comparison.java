package dev.avil.api;

import dev.avil.report.Figures;
import dev.avil.report.HtmlReport;
import dev.avil.report.Stats;
import dev.avil.report.Tables;
import dev.avil.results.Record;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Several methods over several seeds on one experiment. Every run that finished is kept; runs that
 * failed are listed in {@link #failures()} with the epochs they finished in {@link
 * #partialRuns()}.
 *
 * <pre>{@code
 * Comparison c = Experiment.target(left).aux(right, noise)
 *     .compare(Method.singleTask(), Method.uniform(), Method.alphaVil())
 *     .seeds(1, 2, 3)
 *     .run();
 * c.table();   // mean ± std per method, paired difference to single-task
 * c.report(Path.of("results"));
 * }</pre>
 */
public final class Comparison {
  private final List<String> methods;
  private final List<Results> runs;
  private final List<Results> partial;
  private final List<String> failures;
  private final boolean interrupted;

  Comparison(List<String> methods, List<Results> runs, List<Results> partial, List<String> failures) {
    this(methods, runs, partial, failures, false);
  }

  Comparison(List<String> methods, List<Results> runs, List<Results> partial, List<String> failures, boolean interrupted) {
    this.methods = List.copyOf(methods);
    this.runs = List.copyOf(runs);
    this.partial = List.copyOf(partial);
    this.failures = List.copyOf(failures);
    this.interrupted = interrupted;
  }

  /**
   * Whether the comparison was interrupted before it finished. Its runs are those that finished;
   * {@link #failures()} lists the interrupted run and those that never started.
   */
  public boolean interrupted() {
    return interrupted;
  }

  /** Method names, in the order given. */
  public List<String> methods() {
    return methods;
  }

  /** Every run that finished. */
  public List<Results> runs() {
    return runs;
  }

  /** The finished runs of one method, in seed order. */
  public List<Results> runs(String method) {
    return runs.stream().filter(r -> r.method().equals(method)).toList();
  }

  /** What every failed run had finished before it stopped. */
  public List<Results> partialRuns() {
    return partial;
  }

  /** One line per run that failed: method, seed and why. */
  public List<String> failures() {
    return failures;
  }

  /** The reference method of paired differences: single-task if present, else the first method. */
  public String baseline() {
    return methods.contains("single-task") ? "single-task" : methods.get(0);
  }

  /**
   * Per method: runs, mean ± std of the target's test accuracy at the best dev epoch and at the
   * last epoch, the paired difference (same seed) to the baseline with its 95% t interval and
   * per-seed values, the mean target steps to the best epoch ({@link Results#targetSteps()}),
   * the mean epochs trained, and seconds per epoch.
   */
  public Table table() {
    StringColumn method = StringColumn.create("method");
    IntColumn n = IntColumn.create("runs");
    DoubleColumn mean = DoubleColumn.create("test acc mean");
    DoubleColumn std = DoubleColumn.create("test acc std");
    DoubleColumn lastMean = DoubleColumn.create("test acc (last) mean");
    DoubleColumn diff = DoubleColumn.create("Δ vs " + baseline());
    DoubleColumn lo = DoubleColumn.create("Δ 95% low");
    DoubleColumn hi = DoubleColumn.create("Δ 95% high");
    StringColumn perSeed = StringColumn.create("Δ per seed");
    DoubleColumn sec = DoubleColumn.create("s/epoch");
    DoubleColumn steps = DoubleColumn.create("target steps");
    DoubleColumn epochs = DoubleColumn.create("epochs");
    for (String m : methods) {
      List<Results> rs = runs(m);
      double[] acc = rs.stream().mapToDouble(Results::testAtBest).toArray();
      method.append(m);
      n.append(rs.size());
      mean.append(Stats.mean(acc));
      std.append(Stats.std(acc));
      lastMean.append(Stats.mean(rs.stream().mapToDouble(Results::testAtLast).toArray()));
      sec.append(Stats.mean(rs.stream().mapToDouble(Results::secondsPerEpoch).toArray()));
      steps.append(Stats.mean(rs.stream().mapToDouble(Results::targetSteps).toArray()));
      epochs.append(Stats.mean(rs.stream().mapToDouble(Results::epochs).toArray()));
      double[] d = pairedDifferences(m, baseline());
      double dm = Stats.mean(d);
      double hw = Stats.halfWidth95(d);
      diff.append(dm);
      lo.append(dm - hw);
      hi.append(dm + hw);
      StringBuilder s = new StringBuilder();
      for (double x : d) {
        s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%+.3f", x));
      }
      perSeed.append(s.toString());
    }
    return Tables.of("target test accuracy at the best dev epoch", method, n, mean, std, lastMean, diff, lo, hi, perSeed, steps, epochs, sec);
  }

  /** Test accuracy of {@code method} minus that of {@code other}, for each seed both finished. */
  public double[] pairedDifferences(String method, String other) {
    List<Double> out = new ArrayList<>();
    for (Results r : runs(method)) {
      for (Results o : runs(other)) {
        if (o.seed() == r.seed()) {
          out.add(r.testAtBest() - o.testAtBest());
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * One row per run: method, seed, best epoch, dev and test accuracy at it, test at the last epoch,
   * target steps to the best epoch and epochs trained.
   */
  public Table perSeed() {
    StringColumn method = StringColumn.create("method");
    LongColumn seed = LongColumn.create("seed");
    IntColumn best = IntColumn.create("best epoch");
    DoubleColumn dev = DoubleColumn.create("dev acc");
    DoubleColumn test = DoubleColumn.create("test acc");
    DoubleColumn last = DoubleColumn.create("test acc (last)");
    DoubleColumn steps = DoubleColumn.create("target steps");
    DoubleColumn epochs = DoubleColumn.create("epochs");
    for (Results r : runs) {
      method.append(r.method());
      seed.append(r.seed());
      best.append(r.bestEpoch());
      dev.append(r.devAtBest());
      test.append(r.testAtBest());
      last.append(r.testAtLast());
      steps.append(r.targetSteps());
      epochs.append(r.epochs());
    }
    return Tables.of("runs", method, seed, best, dev, test, last, steps, epochs);
  }

  /**
   * Mean task weight per epoch over the seeds that trained that epoch, for every method and task.
   */
  public Table meanWeights() {
    StringColumn series = StringColumn.create("series");
    IntColumn epoch = IntColumn.create("epoch");
    DoubleColumn w = DoubleColumn.create("weight");
    for (String m : methods) {
      List<Results> rs = runs(m);
      if (rs.isEmpty()) {
        continue;
      }
      int most = rs.stream().mapToInt(Results::epochs).max().orElse(0);
      for (String task : rs.get(0).tasks()) {
        for (int e = 1; e <= most; e++) {
          final int ep = e; // runs stopped early count only in the epochs they trained
          double[] v = rs.stream().mapToDouble(r -> r.value(ep, task, dev.avil.results.Metric.WEIGHT)).filter(x -> !Double.isNaN(x)).toArray();
          series.append(m + " · " + task);
          epoch.append(e);
          w.append(Stats.mean(v));
        }
      }
    }
    return Tables.of("mean weights", series, epoch, w);
  }

  /** The target's test accuracy per method: the mean as a bar, every seed as a point. */
  public Figure plot() {
    List<double[]> values = new ArrayList<>();
    for (String m : methods) {
      values.add(runs(m).stream().mapToDouble(Results::testAtBest).toArray());
    }
    return Figures.barsWithPoints(methods, values, "Target test accuracy at the best dev epoch", "test accuracy");
  }

  /** Mean task weights per epoch, one line per method and task. */
  public Figure weightPlot() {
    return Figures.lines(meanWeights(), "epoch", "weight", "series", "Task weights (mean over seeds)", "epoch", "weight");
  }

  /** Every record of every finished run, long format. */
  public Table history() {
    List<Record> all = new ArrayList<>();
    runs.forEach(r -> all.addAll(r.records()));
    return Results.historyTable("history", all);
  }

  /**
   * Writes {@code comparison.csv} (the table), {@code runs.csv} (per seed), {@code history.csv} and
   * {@code config.csv} (every record and configuration, which {@link #read} reads back) and a
   * standalone {@code report.html} into {@code dir}.
   */
  public void report(Path dir) {
    Results.writeAll(dir, runs);
    writeTable(table(), dir.resolve("comparison.csv"));
    writeTable(perSeed(), dir.resolve("runs.csv"));
    HtmlReport page = new HtmlReport("αVIL toolkit: method comparison");
    if (!runs.isEmpty()) {
      Results first = runs.get(0);
      page.paragraph("Target: " + first.target() + ". Tasks: " + String.join(", ", first.tasks())
          + ". Seeds: " + runs.stream().map(r -> Long.toString(r.seed())).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))
          + ". Epochs: " + first.epochs() + ". Model selection by the target's dev accuracy.");
    }
    page.table(table()).figure(plot()).heading("Task weights").figure(weightPlot()).heading("Runs").table(perSeed());
    if (!failures.isEmpty()) {
      page.heading("Failed runs");
      failures.forEach(page::paragraph);
    }
    page.write(dir.resolve("report.html"));
  }

  /**
   * Reads the runs in {@code dir}: those written by {@link #report} (or {@link Results#writeAll}),
   * or the cells of a {@link CellStore}. Only complete runs are used; a run that is incomplete, or
   * a cell that is damaged, is listed in {@link #failures()} by name with the reason, and an
   * incomplete run's records are in {@link #partialRuns()}.
   *
   * @throws IllegalArgumentException if a line of history.csv or config.csv is damaged; the
   *     message names the file, the line and what was expected
   */
  public static Comparison read(Path dir) {
    List<Results> runs = new ArrayList<>();
    List<Results> partial = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (CellStore.isStore(dir)) {
      CellStore.Scan s = CellStore.at(dir).scan();
      runs.addAll(s.complete());
      s.damaged().forEach(d -> failures.add("damaged cell " + d));
    }
    if (java.nio.file.Files.exists(dir.resolve(RunFiles.HISTORY)) || runs.isEmpty() && failures.isEmpty()) {
      RunFiles.Contents c = RunFiles.read(dir);
      runs.addAll(c.complete());
      partial.addAll(c.incomplete());
      for (int i = 0; i < c.incomplete().size(); i++) {
        Results r = c.incomplete().get(i);
        failures.add("incomplete run " + r.method() + " seed " + r.seed() + " in " + dir + ": " + c.problems().get(i));
      }
    }
    List<String> methods = runs.stream().map(Results::method).distinct().toList();
    return new Comparison(methods, runs, partial, failures);
  }

  private static void writeTable(Table t, Path file) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(t.columnNames());
    for (int r = 0; r < t.rowCount(); r++) {
      List<String> row = new ArrayList<>();
      for (var c : t.columns()) {
        row.add(c instanceof DoubleColumn d ? dev.avil.report.Csv.number(d.getDouble(r)) : c.getString(r));
      }
      rows.add(row);
    }
    dev.avil.report.Csv.write(file, rows);
  }

  @Override
  public String toString() {
    String t = table().print();
    if (interrupted) {
      t += "\ninterrupted: " + runs.size() + " runs finished; not finished: " + failures.size();
    }
    return t;
  }
}
