package dev.avil.cli;

import dev.avil.api.Comparison;
import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.api.TrainingFailedException;
import dev.avil.data.FineFoodSentiment;
import dev.avil.data.MultiMnist;
import dev.avil.report.Csv;
import dev.avil.report.Stats;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
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
import java.util.function.Supplier;

/**
 * The reproduction study: every method in every setting over several seeds, written run by run
 * to {@code OUT/SETTING/history.csv} (and {@code config.csv}), so an interrupted study keeps what
 * it finished and a second start resumes where it stopped. {@code --summarize} writes {@code
 * OUT/summary.md} and {@code OUT/summary.csv} from whatever has finished.
 *
 * <p>Settings: {@code mnist-negative} (target: left digit, 1,000 training images; auxiliary: right
 * digit and random labels on 6,000 other images), {@code mnist-positive} (auxiliary: the left digit
 * on those 6,000 images, and random labels), the same two on MultiFashion ({@code
 * fashion-negative}, {@code fashion-positive}), and {@code text-sentiment} ({@link
 * FineFoodSentiment}: review sentiment with four auxiliary text tasks, on frozen MiniLM vectors).
 *
 * <p>Arguments: {@code --out DIR}, {@code --settings a,b}, {@code --methods a,b} (names below;
 * default all), {@code --seeds 1,2,3,4,5}, {@code --epochs 10}, or {@code --summarize}.
 */
public final class Study {
  /** Methods by their short names. */
  static final Map<String, Supplier<Method>> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put("single", Method::singleTask);
    METHODS.put("uniform", Method::uniform);
    METHODS.put("avil-additive", Method::alphaVil);
    METHODS.put("avil-mean", () -> Method.alphaVil(a -> a.update(Update.MEAN_NORMALISED)));
    METHODS.put("avil-target", () -> Method.alphaVil(a -> a.update(Update.TARGET_RELATIVE)));
    METHODS.put("gcs", Method::gcs);
    METHODS.put("ol-aux", Method::olAux);
    METHODS.put("forkmerge", Method::forkMerge);
    METHODS.put("dwa", Method::dwa);
    METHODS.put("uncertainty", Method::uncertainty);
  }

  /** The name under which the default αVIL's runs are recorded. */
  private static final String AVIL = Method.alphaVil().name();

  static final List<String> SETTINGS = List.of("mnist-negative", "mnist-positive", "fashion-negative", "fashion-positive", "text-sentiment");

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
    List<String> methods = List.of(a.getOrDefault("methods", String.join(",", METHODS.keySet())).split(","));
    long[] seeds = Arrays.stream(a.getOrDefault("seeds", "1,2,3,4,5").split(",")).mapToLong(Long::parseLong).toArray();
    int epochs = Integer.parseInt(a.getOrDefault("epochs", "10"));
    for (String m : methods) {
      if (!METHODS.containsKey(m)) {
        throw new IllegalArgumentException("unknown method '" + m + "'; accepted: " + METHODS.keySet());
      }
    }
    Map<String, Experiment> experiments = new LinkedHashMap<>();
    for (String setting : settings) {
      experiments.put(setting, experiment(setting).epochs(epochs).listener(ProgressLog.toStdout()));
    }
    // seed by seed across all settings, so that a study stopped early is balanced
    for (long seed : seeds) {
      for (String setting : settings) {
        Experiment e = experiments.get(setting);
        Path dir = out.resolve(setting);
        for (String m : methods) {
          Method method = METHODS.get(m).get();
          List<Results> done = existing(dir);
          if (done.stream().anyMatch(r -> r.method().equals(method.name()) && r.seed() == seed)) {
            continue;
          }
          try {
            Results r = e.seed(seed).method(method).run();
            List<Results> all = new ArrayList<>(done);
            all.add(r);
            Results.writeAll(dir, all);
            System.out.printf(Locale.ROOT, "%s %s seed %d: test %.4f%n", setting, method.name(), seed, r.testAtBest());
          } catch (TrainingFailedException ex) {
            System.out.println("FAILED " + setting + " " + method.name() + " seed " + seed + ": " + ex.getMessage());
          }
        }
      }
    }
    summarize(out, SETTINGS);
  }

  static Experiment experiment(String setting) {
    if (setting.equals("text-sentiment")) {
      FineFoodSentiment text = FineFoodSentiment.load();
      return Experiment.target(text.target()).aux(text.auxiliary());
    }
    MultiMnist mm = switch (setting.split("-")[0]) {
      case "mnist" -> MultiMnist.load(0);
      case "fashion" -> MultiMnist.fashion(0);
      default -> throw new IllegalArgumentException("unknown setting '" + setting + "'; accepted: " + SETTINGS);
    };
    Task left = mm.left().trainSize(1_000);
    Task helper = setting.endsWith("-positive")
        ? mm.left().named(mm.left().name() + "-aux").trainSlice(1_000, 7_000)
        : mm.right().trainSlice(1_000, 7_000);
    Task noise = Tasks.randomLabels("noise", helper, 0);
    return Experiment.target(left).aux(helper, noise);
  }

  private static List<Results> existing(Path dir) {
    return Files.exists(dir.resolve("history.csv")) ? Comparison.read(dir).runs() : List.of();
  }

  /** Writes summary.md and summary.csv from every finished run. */
  static void summarize(Path out, List<String> settings) {
    StringBuilder md = new StringBuilder("# Reproduction study: summary\n\n");
    md.append("Target test accuracy at the best dev epoch, mean ± std over seeds; paired differences (same seed) with 95% t intervals. Generated by `Study --summarize` from the CSV files beside it.\n");
    List<List<String>> csv = new ArrayList<>();
    csv.add(List.of("setting", "method", "runs", "mean", "std", "diff_single", "diff_single_lo", "diff_single_hi", "diff_uniform", "diff_uniform_lo", "diff_uniform_hi", "diff_avil", "diff_avil_lo", "diff_avil_hi", "seconds_per_epoch"));
    for (String setting : settings) {
      Path dir = out.resolve(setting);
      if (!Files.exists(dir.resolve("history.csv"))) {
        continue;
      }
      Comparison c = Comparison.read(dir);
      md.append("\n## ").append(setting).append("\n\n| method | runs | test acc | Δ vs single-task [95% CI] | Δ vs uniform [95% CI] | Δ vs αVIL [95% CI] | s/epoch |\n|---|---|---|---|---|---|---|\n");
      for (String m : c.methods()) {
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
