package dev.avil.cli;

import dev.avil.api.CellStore;
import dev.avil.api.Comparison;
import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.api.Settings;
import dev.avil.api.TrainingFailedException;
import dev.avil.report.Csv;
import dev.avil.report.Stats;
import dev.avil.train.Cells;
import dev.avil.train.ProgressLog;
import dev.avil.weighting.AlphaVilOptions.Update;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The reproduction study: every method in every setting over several seeds, written run by run,
 * one folder per run ({@code OUT/SETTING/cells/METHOD__seed-N/}, see {@link CellStore}), each
 * written atomically. A study killed at any point keeps every run it finished, and a second start
 * resumes where it stopped; a damaged or half-written run is reported by name and run again. {@code --summarize} writes {@code
 * OUT/summary.md} and {@code OUT/summary.csv} from whatever has finished.
 *
 * <p>Settings: {@code mnist-negative} (target: left digit, 1,000 training images; auxiliary: right
 * digit and random labels on 6,000 other images), {@code mnist-positive} (auxiliary: the left digit
 * on those 6,000 images, and random labels), the same two on MultiFashion ({@code
 * fashion-negative}, {@code fashion-positive}), and {@code text-sentiment} ({@link
 * FineFoodSentiment}: review sentiment with four auxiliary text tasks, on frozen MiniLM vectors).
 *
 * <p>Arguments: {@code --out DIR}, {@code --settings a,b}, {@code --methods a,b} (names below;
 * default all), {@code --seeds 1,2,3,4,5}, {@code --epochs 100} (the most), {@code --patience 10}
 * (early stopping on the target's selection dev split), or {@code --summarize}. Runs go side by
 * side, as many as PyTorch threads, one thread each.
 */
public final class Study {
  /** Methods by their short names. */
  public static final Map<String, Supplier<Method>> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put("single", Method::singleTask);
    METHODS.put("single-x6", () -> Method.singleTask(s -> s.passes(6)));
    METHODS.put("uniform", Method::uniform);
    METHODS.put("avil", Method::alphaVil);
    METHODS.put("avil-paper", Method::alphaVilPaper);
    METHODS.put("avil-within", () -> Method.alphaVil(a -> a.stepWithin(true)));
    METHODS.put("avil-mean", () -> Method.alphaVil(a -> a.update(Update.MEAN_NORMALISED)));
    METHODS.put("avil-target", () -> Method.alphaVil(a -> a.update(Update.TARGET_RELATIVE)));
    METHODS.put("gcs", Method::gcs);
    METHODS.put("ol-aux", Method::olAux);
    METHODS.put("forkmerge", Method::forkMerge);
    METHODS.put("dwa", Method::dwa);
    METHODS.put("uncertainty", Method::uncertainty);
  }

  /**
   * The methods a study runs unless told otherwise: all but the paper recipe's two other rules and
   * the clipped-step variant of the default.
   */
  static final List<String> DEFAULT_METHODS =
      List.of("single", "single-x6", "uniform", "avil", "avil-paper", "gcs", "ol-aux", "forkmerge", "dwa", "uncertainty");

  /** The name under which the default αVIL's runs are recorded. */
  private static final String AVIL = Method.alphaVil().name();

  static final List<String> SETTINGS = Settings.NAMES;

  private Study() {}

  /** Runs (or summarises) the study. */
  public static void main(String[] args) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--summarize")) {
        a.put("summarize", "true");
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        a.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument " + args[i] + "; see the javadoc of " + Study.class.getName());
      }
    }
    Path out = Path.of(a.getOrDefault("out", "toolkit/study"));
    List<String> settings = List.of(a.getOrDefault("settings", String.join(",", SETTINGS)).split(","));
    if (a.containsKey("summarize")) {
      summarize(out, settings);
      return;
    }
    List<String> methods = List.of(a.getOrDefault("methods", String.join(",", DEFAULT_METHODS)).split(","));
    long[] seeds = Arrays.stream(a.getOrDefault("seeds", "1,2,3,4,5").split(",")).mapToLong(Long::parseLong).toArray();
    int epochs = Integer.parseInt(a.getOrDefault("epochs", "100"));
    int patience = Integer.parseInt(a.getOrDefault("patience", "10"));
    for (String m : methods) {
      if (!METHODS.containsKey(m)) {
        throw new IllegalArgumentException("unknown method '" + m + "'; accepted: " + METHODS.keySet());
      }
    }
    Map<String, Experiment> experiments = new LinkedHashMap<>();
    for (String setting : settings) {
      experiments.put(setting, Settings.named(setting).epochs(epochs).patience(patience).listener(ProgressLog.toStdout()));
    }
    Map<String, Method> chosen = new LinkedHashMap<>();
    methods.forEach(m -> chosen.put(m, METHODS.get(m).get()));
    run(out, experiments, List.copyOf(chosen.values()), seeds);
    summarize(out, SETTINGS);
  }

  /**
   * Runs every method with every seed in every setting, seed by seed across all settings (so a
   * study stopped early is balanced), side by side ({@link Cells}), skipping the cells that are
   * complete. Each run is written
   * as its own cell of {@code OUT/SETTING} ({@link CellStore}) the moment it finishes. Damaged
   * and half-written cells are reported by name, removed and run again. A folder in the older
   * layout (one history.csv for the setting) is moved into cells first.
   */
  static void run(Path out, Map<String, Experiment> experiments, List<Method> methods, long[] seeds) {
    Map<String, CellStore> stores = new LinkedHashMap<>();
    Map<String, CellStore.Scan> scans = new LinkedHashMap<>();
    experiments.keySet().forEach(setting -> {
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
    for (long seed : seeds) {
      for (var entry : experiments.entrySet()) {
        String setting = entry.getKey();
        for (Method method : methods) {
          if (scans.get(setting).has(method.name(), seed)) {
            continue;
          }
          cells.add(() -> {
            try {
              Results r = entry.getValue().seed(seed).method(method).run();
              stores.get(setting).write(r);
              System.out.printf(Locale.ROOT, "%s %s seed %d: test %.4f%n", setting, method.name(), seed, r.testAtBest());
            } catch (TrainingFailedException ex) {
              System.out.println("FAILED " + setting + " " + method.name() + " seed " + seed + ": " + ex.getMessage());
            }
            return null;
          });
        }
      }
    }
    Cells.run(cells, Cells.parallelism(cells.size()));
  }

  /** Writes summary.md and summary.csv from every finished run. */
  public static void summarize(Path out, List<String> settings) {
    StringBuilder md = new StringBuilder("# Reproduction study: summary\n\n");
    md.append("Target test accuracy at the best dev epoch, mean ± std over seeds; paired differences (same seed) with 95% t intervals. Generated by `Study --summarize` from the CSV files beside it.\n");
    List<List<String>> csv = new ArrayList<>();
    csv.add(List.of("setting", "method", "runs", "mean", "std", "diff_single", "diff_single_lo", "diff_single_hi", "diff_uniform", "diff_uniform_lo", "diff_uniform_hi", "diff_avil", "diff_avil_lo", "diff_avil_hi", "seconds_per_epoch"));
    for (String setting : settings) {
      Path dir = out.resolve(setting);
      if (!CellStore.isStore(dir) && !Files.exists(dir.resolve("history.csv"))) {
        continue;
      }
      Comparison c = Comparison.read(dir);
      c.failures().forEach(f -> System.out.println("NOT SUMMARISED " + setting + ": " + f));
      md.append("\n## ").append(setting).append("\n\n| method | runs | test acc | Δ vs single-task [95% CI] | Δ vs uniform [95% CI] | Δ vs αVIL [95% CI] | s/epoch |\n|---|---|---|---|---|---|---|\n");
      for (String m : inStudyOrder(c.methods())) {
        double[] acc = c.runs(m).stream().mapToDouble(Results::testAtBest).toArray();
        double[] ds = c.pairedDifferences(m, "single-task");
        double[] du = c.pairedDifferences(m, "uniform");
        double[] da = c.pairedDifferences(m, AVIL);
        double sec = c.runs(m).stream().mapToDouble(Results::secondsPerEpoch).average().orElse(Double.NaN);
        md.append(String.format(Locale.ROOT, "| %s | %d | %.3f ± %.3f | %s | %s | %s | %.2f |%n", m, acc.length, mean(acc), std(acc), interval(ds), interval(du), interval(da), sec));
        csv.add(List.of(setting, m, Integer.toString(acc.length), Csv.number(mean(acc)), Csv.number(std(acc)),
            Csv.number(mean(ds)), Csv.number(mean(ds) - half(ds)), Csv.number(mean(ds) + half(ds)),
            Csv.number(mean(du)), Csv.number(mean(du) - half(du)), Csv.number(mean(du) + half(du)),
            Csv.number(mean(da)), Csv.number(mean(da) - half(da)), Csv.number(mean(da) + half(da)), Csv.number(sec)));
      }
    }
    Csv.write(out.resolve("summary.csv"), csv);
    try {
      Files.writeString(out.resolve("summary.md"), md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(md);
  }

  /** The study's methods in the order of {@link #METHODS}, then any others as found. */
  private static List<String> inStudyOrder(List<String> found) {
    List<String> order = METHODS.values().stream().map(m -> m.get().name()).toList();
    List<String> out = new ArrayList<>(order.stream().filter(found::contains).toList());
    found.stream().filter(m -> !out.contains(m)).forEach(out::add);
    return out;
  }

  private static String interval(double[] d) {
    if (d.length == 0) {
      return "–";
    }
    return d.length < 2 ? String.format(Locale.ROOT, "%+.3f", mean(d))
        : String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", mean(d), mean(d) - half(d), mean(d) + half(d));
  }

  private static double mean(double[] v) {
    return Stats.mean(v);
  }

  private static double std(double[] v) {
    return Stats.std(v);
  }

  private static double half(double[] v) {
    return Stats.halfWidth95(v);
  }
}
