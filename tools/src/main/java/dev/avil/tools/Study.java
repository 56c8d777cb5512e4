package dev.avil.tools;

import dev.avil.api.Comparison;
import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Methods;
import dev.avil.api.Results;
import dev.avil.api.Settings;
import dev.avil.api.TrainingFailedException;
import dev.avil.report.RunViews;
import dev.avil.report.SeedStats;
import dev.avil.store.CellStore;
import dev.avil.store.Csv;
import dev.avil.train.Cells;
import dev.avil.train.ProgressLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The reproduction study: every method in every setting over several seeds, written run by run, one
 * folder per run ({@code OUT/SETTING/cells/METHOD__seed-N/}, see {@link CellStore}), each written
 * atomically. A study killed at any point keeps every run it finished, and a second start resumes
 * where it stopped; a damaged or half-written run is reported by name and run again. {@code
 * --summarize} writes {@code OUT/summary.md} and {@code OUT/summary.csv} from whatever has
 * finished.
 *
 * <p>Settings: {@code mnist-negative} (target: left digit, 1,000 training images; auxiliary: right
 * digit and random labels on 6,000 other images), {@code mnist-positive} (auxiliary: the left digit
 * on those 6,000 images, and random labels), the same two on MultiFashion ({@code
 * fashion-negative}, {@code fashion-positive}), and {@code text-sentiment} ({@link
 * dev.avil.data.FineFoodSentiment}: review sentiment with four auxiliary text tasks, on frozen
 * MiniLM vectors).
 *
 * <p>Arguments: {@code --out DIR}, {@code --settings a,b}, {@code --methods a,b} (names below;
 * default all), {@code --seeds 1,2,3,4,5}, {@code --epochs 100} (the most), {@code --patience 10}
 * (early stopping on the target's selection dev split), or {@code --summarize}. Runs go side by
 * side, as many as PyTorch threads, one thread each.
 */
public final class Study {
  /** The methods of paired differences in the summary, with their short names in summary.csv. */
  private static final Map<String, String> BASELINES = new LinkedHashMap<>();

  static {
    BASELINES.put(Method.singleTask().name(), "single");
    BASELINES.put(Method.uniform().name(), "uniform");
    BASELINES.put(Method.alphaVil().name(), "avil");
  }

  static final List<String> SETTINGS = Settings.NAMES;

  private Study() {}

  /** Runs (or summarises) the study. */
  public static void main(String[] args) {
    StudyArgs a = StudyArgs.parse(args, Study.class, Set.of("summarize"), Set.of());
    Path out = a.out();
    List<String> settings = a.settings();
    if (a.has("summarize")) {
      summarize(out, settings);
      return;
    }
    List<Method> methods = a.methods();
    long[] seeds = a.seeds();
    int epochs = a.epochs();
    int patience = a.patience();
    Map<String, Experiment> experiments = new LinkedHashMap<>();
    for (String setting : settings) {
      experiments.put(
          setting,
          Settings.named(setting)
              .epochs(epochs)
              .patience(patience)
              .listener(ProgressLog.toStdout()));
    }
    run(out, experiments, methods, seeds);
    summarize(out, settings);
  }

  /**
   * Runs every method with every seed in every setting, seed by seed across all settings (so a
   * study stopped early is balanced), side by side ({@link Cells}), skipping the cells that are
   * complete. Each run is written as its own cell of {@code OUT/SETTING} ({@link CellStore}) the
   * moment it finishes. Damaged and half-written cells are reported by name, removed and run again.
   * A folder in the older layout (one history.csv for the setting) is moved into cells first.
   */
  static void run(
      Path out, Map<String, Experiment> experiments, List<Method> methods, long[] seeds) {
    Map<String, CellStore> stores = new LinkedHashMap<>();
    Map<String, CellStore.Scan> scans = new LinkedHashMap<>();
    experiments
        .keySet()
        .forEach(
            setting -> {
              CellStore store = CellStore.at(out.resolve(setting));
              for (CellStore.Damaged d : store.migrate()) {
                System.out.println("INCOMPLETE " + setting + " " + d + "; it will run again");
              }
              CellStore.Scan scan = store.scan();
              for (CellStore.Damaged d : scan.damaged()) {
                System.out.println("DAMAGED " + setting + " " + d + "; it will run again");
                store.discard(d);
              }
              stores.put(setting, store);
              scans.put(setting, scan);
            });
    List<Callable<Void>> cells = new ArrayList<>();
    List<Double> costs = new ArrayList<>();
    for (long seed : seeds) {
      for (var entry : experiments.entrySet()) {
        String setting = entry.getKey();
        for (Method method : methods) {
          if (scans.get(setting).has(method.name(), seed)) {
            continue;
          }
          costs.add(Cells.cost(method.needsAux()));
          cells.add(
              () -> {
                try {
                  Results r = entry.getValue().seed(seed).method(method).run();
                  stores.get(setting).write(r.run());
                  System.out.printf(
                      Locale.ROOT,
                      "%s %s seed %d: test %.4f%n",
                      setting,
                      method.name(),
                      seed,
                      r.testAtBest());
                } catch (TrainingFailedException ex) {
                  System.out.println(
                      "FAILED "
                          + setting
                          + " "
                          + method.name()
                          + " seed "
                          + seed
                          + ": "
                          + ex.getMessage());
                }
                return null;
              });
        }
      }
    }
    double[] cost = costs.stream().mapToDouble(Double::doubleValue).toArray();
    Cells.run(cells, cost, Cells.parallelism(cells.size()));
  }

  /**
   * Writes summary.md and summary.csv from every finished run: per setting and method, the runs,
   * mean ± std of the target's test accuracy, the paired differences to single-task, uniform and
   * αVIL with their 95% t intervals ({@link SeedStats}), and seconds per epoch.
   */
  public static void summarize(Path out, List<String> settings) {
    StringBuilder md = new StringBuilder("# Reproduction study: summary\n\n");
    md.append(
        "Target test accuracy at the best dev epoch, mean ± std over seeds; paired differences (same seed) with 95% t intervals. Generated by `Study --summarize` from the CSV files beside it.\n");
    Table csv = summary("", List.of(), List.of());
    for (String setting : settings) {
      Path dir = out.resolve(setting);
      if (!CellStore.isStore(dir) && !Files.exists(dir.resolve("history.csv"))) {
        continue;
      }
      Comparison c = Comparison.read(dir);
      c.failures().forEach(f -> System.out.println("NOT SUMMARISED " + setting + ": " + f));
      Table t = summary(setting, inStudyOrder(c.methods()), c.runs());
      md.append("\n## ")
          .append(setting)
          .append(
              "\n\n| method | runs | test acc | target steps | epochs | Δ vs single-task [95% CI] | Δ vs uniform [95% CI] | Δ vs αVIL [95% CI] | s/epoch |\n|---|---|---|---|---|---|---|---|---|\n");
      for (Row r : t) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.3f ± %.3f | %.0f | %.1f | %s | %s | %s | %.2f |%n",
                r.getString("method"),
                r.getInt("runs"),
                r.getDouble("mean"),
                r.getDouble("std"),
                r.getDouble("target_steps"),
                r.getDouble("epochs"),
                interval(r, "single"),
                interval(r, "uniform"),
                interval(r, "avil"),
                r.getDouble("seconds_per_epoch")));
      }
      md.append(convergence(c));
      md.append(judgements(c, inStudyOrder(c.methods())));
      md.append(defaultSeedBySeed(c));
      csv.append(t);
    }
    Csv.write(out.resolve("summary.csv"), csv);
    try {
      Files.writeString(out.resolve("summary.md"), md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(md);
  }

  /**
   * The default αVIL seed by seed: its test accuracy beside single-task's and uniform MTL's with
   * the same seed, and per auxiliary task the final weight and effective epochs as fractions of the
   * target's, as markdown.
   */
  private static String defaultSeedBySeed(Comparison c) {
    List<Results> runs = c.runs(Method.alphaVil().name());
    if (runs.isEmpty()) {
      return "";
    }
    List<String> aux = runs.get(0).judgement().stringColumn("task").asList();
    StringBuilder md =
        new StringBuilder(
            "\nThe default αVIL seed by seed (test accuracy at the best selection epoch; per auxiliary task, final weight ÷ target's and effective epochs ÷ target's):\n\n| seed | αVIL | single-task | uniform |");
    aux.forEach(t -> md.append(' ').append(t).append(" |"));
    md.append("\n|---|---|---|---|").append("---|".repeat(aux.size())).append('\n');
    for (Results r : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.4f | %s | %s |",
              r.seed(),
              r.testAtBest(),
              sameSeed(c, "single-task", r.seed()),
              sameSeed(c, "uniform", r.seed())));
      Table j = r.judgement();
      for (String t : aux) {
        int i = j.stringColumn("task").indexOf(t);
        md.append(
            String.format(
                Locale.ROOT,
                " %.2f, %.2f |",
                j.doubleColumn("weight ÷ target's").getDouble(i),
                j.doubleColumn("effective epochs ÷ target's").getDouble(i)));
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** The test accuracy of {@code method}'s run with {@code seed}, or "–" if there is none. */
  private static String sameSeed(Comparison c, String method, long seed) {
    return c.runs(method).stream()
        .filter(r -> r.seed() == seed)
        .map(r -> String.format(Locale.ROOT, "%.4f", r.testAtBest()))
        .findFirst()
        .orElse("–");
  }

  /** The rows of summary.csv for one setting: its methods' statistics under the file's names. */
  private static Table summary(String setting, List<String> methods, List<Results> runs) {
    Table all = SeedStats.runs(runs);
    Table stats = SeedStats.methods(all, methods);
    Table t =
        Table.create(
            "summary",
            StringColumn.create("setting", Collections.nCopies(methods.size(), setting)),
            stats.column("method"),
            stats.column("runs"),
            stats.column("test acc mean").setName("mean"),
            stats.column("test acc std").setName("std"));
    BASELINES.forEach(
        (baseline, name) -> {
          Table d = SeedStats.differences(all, methods, baseline);
          t.addColumns(
              d.column("Δ vs " + baseline).setName("diff_" + name),
              d.column("Δ 95% low").setName("diff_" + name + "_lo"),
              d.column("Δ 95% high").setName("diff_" + name + "_hi"));
        });
    return t.addColumns(
        stats.column("target steps").setName("target_steps"),
        stats.column("epochs"),
        stats.column("s/epoch").setName("seconds_per_epoch"));
  }

  /** The study's methods in the order of the study's defaults, then any others as found. */
  private static List<String> inStudyOrder(List<String> found) {
    List<String> order = Methods.studyDefaults();
    List<String> out = new ArrayList<>(order.stream().filter(found::contains).toList());
    found.stream().filter(m -> !out.contains(m)).forEach(out::add);
    return out;
  }

  /**
   * A paired difference of a summary row as text: "–" without pairs, the mean alone for one pair
   * (no interval), else the mean and its interval.
   */
  private static String interval(Row r, String baseline) {
    double mean = r.getDouble("diff_" + baseline);
    double lo = r.getDouble("diff_" + baseline + "_lo");
    if (Double.isNaN(mean)) {
      return "–";
    }
    return Double.isNaN(lo)
        ? String.format(Locale.ROOT, "%+.3f", mean)
        : String.format(
            Locale.ROOT, "%+.3f [%+.3f, %+.3f]", mean, lo, r.getDouble("diff_" + baseline + "_hi"));
  }

  /**
   * Whether single-task converged: each run's best and last epoch against the most allowed. A run
   * that stopped before the most, patience epochs after its best, had stopped improving.
   */
  private static String convergence(Comparison c) {
    List<Results> single = c.runs("single-task");
    if (single.isEmpty()) {
      return "";
    }
    String best =
        single.stream().map(r -> Integer.toString(r.bestEpoch())).collect(Collectors.joining(", "));
    String last =
        single.stream().map(r -> Integer.toString(r.epochs())).collect(Collectors.joining(", "));
    String most = single.get(0).config().getOrDefault("epochs", "?");
    return String.format(
        Locale.ROOT,
        "%nSingle-task, seed by seed: best dev epoch %s; stopped after epoch %s, of at most %s.%n",
        best,
        last,
        most);
  }

  /**
   * For each method that moved its weights: per auxiliary task, the final weight and the effective
   * epochs as fractions of the target's, means over seeds, and how many seeds gave each verdict
   * ({@link Comparison#judgement()}), as markdown.
   */
  private static String judgements(Comparison c, List<String> order) {
    Table all = c.judgement();
    Table j = all.emptyCopy();
    for (String m : order) {
      j.append(all.where(all.stringColumn("method").isEqualTo(m)));
    }
    if (j.rowCount() == 0) {
      return "";
    }
    StringBuilder md =
        new StringBuilder(
            "\nAuxiliary tasks as judged (means over seeds; verdicts: helpful when its final weight is at least the target's, harmful at most half):\n\n"
                + "| method | task | final weight ÷ target's | effective epochs ÷ target's | "
                + String.join(" / ", RunViews.VERDICTS)
                + " |\n|---|---|---|---|---|\n");
    for (int i = 0; i < j.rowCount(); i++) {
      int row = i;
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f | %.2f | %s |%n",
              j.getString(i, "method"),
              j.getString(i, "task"),
              j.doubleColumn("weight ÷ target's").getDouble(i),
              j.doubleColumn("effective epochs ÷ target's").getDouble(i),
              RunViews.VERDICTS.stream()
                  .map(v -> Integer.toString(j.intColumn(v).getInt(row)))
                  .collect(Collectors.joining(" / "))));
    }
    return md.toString();
  }
}
