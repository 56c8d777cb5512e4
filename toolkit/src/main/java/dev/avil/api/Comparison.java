package dev.avil.api;

import dev.avil.report.ComparisonViews;
import dev.avil.report.SeedStats;
import dev.avil.store.CellStore;
import dev.avil.store.Csv;
import dev.avil.store.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Several methods over several seeds on one experiment. Every run that finished is kept; runs that
 * failed are listed in {@link #failures()} with the epochs they finished in {@link #partialRuns()}.
 * Its tables, figures and page ({@link #table()}, {@link #plot()}, ...) are laid out by {@link
 * ComparisonViews}.
 *
 * <pre>{@code
 * Comparison c = Experiment.target(left).aux(right, noise)
 *     .compare(Method.singleTask(), Method.uniform(), Method.alphaVil())
 *     .seeds(1, 2, 3)
 *     .run();
 * c.table();   // mean ± std per method, paired difference to single-task
 * c.save(Path.of("results"));
 * }</pre>
 */
public final class Comparison implements ComparisonViews {
  private final List<String> methods;
  private final String baseline;
  private final List<Results> runs;
  private final List<Results> partial;
  private final List<String> failures;
  private final boolean interrupted;

  Comparison(
      List<String> methods,
      String baseline,
      List<Results> runs,
      List<Results> partial,
      List<String> failures,
      boolean interrupted) {
    this.methods = List.copyOf(methods);
    this.baseline = baseline;
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

  /**
   * The reference method of paired differences: the first method in the role of single-task ({@link
   * MethodRole#SINGLE_TASK}), whatever its name, else the first method.
   */
  @Override
  public String baseline() {
    return baseline;
  }

  /** The baseline among {@code methods}: the first in the single-task role, else the first. */
  static String baselineOf(List<String> methods, java.util.function.Predicate<String> singleTask) {
    return methods.stream().filter(singleTask).findFirst().orElse(methods.get(0));
  }

  /** Test accuracy of {@code method} minus that of {@code other}, for each seed both finished. */
  public double[] pairedDifferences(String method, String other) {
    Table d = SeedStats.paired(SeedStats.runs(runs), other);
    return d.where(d.stringColumn("method").isEqualTo(method)).doubleColumn("Δ").asDoubleArray();
  }

  /**
   * Writes {@code comparison.csv} (the table), {@code runs.csv} (per seed), {@code history.csv} and
   * {@code config.csv} (every record and configuration, which {@link #read} reads back), a
   * standalone {@code report.html} ({@link ComparisonViews#page}) and its figures as {@code
   * accuracy.svg} and {@code weights.svg} ({@link ComparisonViews#saveFigures}) into {@code dir},
   * each file atomically.
   */
  public void save(Path dir) {
    RunFiles.write(dir, runs);
    Csv.write(dir.resolve("comparison.csv"), table());
    Csv.write(dir.resolve("runs.csv"), perSeed());
    ComparisonViews.page(this).save(dir.resolve("report.html"));
    ComparisonViews.saveFigures(this, dir);
  }

  /**
   * Reads the runs in {@code dir}: those written by {@link #save}, or the cells of a {@link
   * CellStore}, whose methods come in the catalogue's study order ({@link Methods#studyDefaults()},
   * single-task the baseline before the six-pass control), any others after. Only complete runs are
   * used; a run that is incomplete, or a cell that is damaged, is listed in {@link #failures()} by
   * name with the reason, and an incomplete run's records are in {@link #partialRuns()}.
   *
   * @throws IllegalArgumentException if a line of history.csv or config.csv is damaged; the message
   *     names the file, the line and what was expected
   */
  public static Comparison read(Path dir) {
    List<Results> runs = new ArrayList<>();
    List<Results> partial = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (CellStore.isStore(dir)) {
      CellStore.Scan s = CellStore.at(dir).scan();
      // cells have no order of their own: the catalogue's study order, others after as read
      List<String> order = Methods.studyDefaults();
      s.complete().stream()
          .sorted(
              java.util.Comparator.comparingInt(
                  r -> order.contains(r.method()) ? order.indexOf(r.method()) : order.size()))
          .forEach(r -> runs.add(new Results(r)));
      s.damaged().forEach(d -> failures.add("damaged cell " + d));
    }
    if (java.nio.file.Files.exists(dir.resolve(RunFiles.HISTORY))
        || runs.isEmpty() && failures.isEmpty()) {
      RunFiles.Contents c = RunFiles.read(dir);
      c.complete().forEach(r -> runs.add(new Results(r)));
      c.incomplete().forEach(r -> partial.add(new Results(r)));
      failures.addAll(c.incompleteLines(dir));
    }
    List<String> methods = runs.stream().map(Results::method).distinct().toList();
    String baseline =
        methods.isEmpty()
            ? null
            : baselineOf(
                methods,
                m ->
                    runs.stream()
                        .anyMatch(
                            r ->
                                r.method().equals(m)
                                    && MethodRole.SINGLE_TASK.id().equals(r.config().get("role"))));
    return new Comparison(methods, baseline, runs, partial, failures, false);
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
