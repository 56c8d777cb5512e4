package dev.avil.tools;

import dev.avil.api.Comparison;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.results.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Whether a method is safe on settings it was not tuned on, over a family of settings: its mean
 * against the better of single-task and uniform MTL in each setting, how many of its runs fall more
 * than {@value #HARM} below single-task with the same seed, how many end within {@value
 * #NEAR_CHANCE} of chance, and, for methods that move their weights, how often a random-label task
 * has a lower weight than the target's: at the run's last epoch, and at its best epoch, whose
 * weights are the ones a run returns with its model.
 */
final class Safety {
  /** A run this far below single-task with the same seed harmed the target. */
  static final double HARM = 0.02;

  /** A run whose test accuracy is within this of chance never left it. */
  static final double NEAR_CHANCE = 0.05;

  private Safety() {}

  /** One method's figures over the settings. */
  record Row(
      String method,
      int settings,
      double mean,
      double betterBaseline,
      int runs,
      int harmed,
      int nearChance,
      int noiseRuns,
      int noiseBelowTarget,
      int noiseBelowTargetAtBest) {}

  /**
   * The figures of every method over the settings of {@code bySetting} in which it has runs, its
   * better baseline over the same settings.
   */
  static List<Row> rows(Map<String, Comparison> bySetting, List<String> methods) {
    String single = Method.singleTask().name();
    String uniform = Method.uniform().name();
    List<Row> rows = new ArrayList<>();
    for (String m : methods) {
      double sum = 0;
      double better = 0;
      int settings = 0;
      int runs = 0;
      int harmed = 0;
      int near = 0;
      int noise = 0;
      int noiseBelow = 0;
      int noiseBelowAtBest = 0;
      for (Comparison c : bySetting.values()) {
        OptionalDouble mine = mean(c.runs(m));
        if (mine.isEmpty()) {
          continue;
        }
        settings++;
        sum += mine.getAsDouble();
        better += Math.max(mean(c.runs(single)).orElse(0), mean(c.runs(uniform)).orElse(0));
        for (Results r : c.runs(m)) {
          runs++;
          double base =
              c.runs(single).stream()
                  .filter(s -> s.seed() == r.seed())
                  .mapToDouble(Results::testAtBest)
                  .findFirst()
                  .orElse(Double.NaN);
          harmed += r.testAtBest() < base - HARM ? 1 : 0;
          double chance = Double.parseDouble(r.config().getOrDefault("selectionChance", "0.1"));
          near += r.testAtBest() < chance + NEAR_CHANCE ? 1 : 0;
          boolean moved = movedWeights(r);
          for (String t : r.tasks()) {
            if (moved && t.contains("noise")) {
              noise++;
              noiseBelow += weightBelowTarget(r, t, r.epochs()) ? 1 : 0;
              noiseBelowAtBest += weightBelowTarget(r, t, r.bestEpoch()) ? 1 : 0;
            }
          }
        }
      }
      if (settings > 0) {
        rows.add(
            new Row(
                m,
                settings,
                sum / settings,
                better / settings,
                runs,
                harmed,
                near,
                noise,
                noiseBelow,
                noiseBelowAtBest));
      }
    }
    return rows;
  }

  /** Whether task {@code t} has a lower weight than the target's at epoch {@code epoch}. */
  private static boolean weightBelowTarget(Results r, String t, int epoch) {
    return r.value(epoch, t, Metric.WEIGHT) < r.value(epoch, r.target(), Metric.WEIGHT);
  }

  /** Whether any task's weight at the last epoch differs from its weight at the first. */
  private static boolean movedWeights(Results r) {
    return r.tasks().stream()
        .anyMatch(t -> r.value(1, t, Metric.WEIGHT) != r.value(r.epochs(), t, Metric.WEIGHT));
  }

  private static OptionalDouble mean(List<Results> runs) {
    return runs.stream().mapToDouble(Results::testAtBest).average();
  }

  /** The figures as a markdown section. */
  static String markdown(Map<String, Comparison> bySetting, List<String> methods) {
    List<Row> rows = rows(bySetting, methods);
    if (bySetting.size() < 2 || rows.isEmpty()) {
      return "";
    }
    StringBuilder md =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n## Across the %d settings%n%nMean test accuracy over the settings in which a"
                    + " method has runs, against the better of single-task and uniform in the"
                    + " same settings; runs more than %.2f below"
                    + " single-task with the same seed; runs within %.2f of chance; runs whose"
                    + " random-label task has a lower weight than the target's at the last epoch,"
                    + " and at the best epoch, whose weights a run returns.%n%n| method"
                    + " | settings | mean | better baseline | Δ | runs | below single-task | near"
                    + " chance | noise below target | at the best epoch |%n"
                    + "|---|---|---|---|---|---|---|---|---|---|%n",
                bySetting.size(),
                HARM,
                NEAR_CHANCE));
    for (Row r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.4f | %.4f | %+.4f | %d | %d | %d | %s | %s |%n",
              r.method(),
              r.settings(),
              r.mean(),
              r.betterBaseline(),
              r.mean() - r.betterBaseline(),
              r.runs(),
              r.harmed(),
              r.nearChance(),
              ofNoiseRuns(r, r.noiseBelowTarget()),
              ofNoiseRuns(r, r.noiseBelowTargetAtBest())));
    }
    return md.toString();
  }

  private static String ofNoiseRuns(Row r, int count) {
    return r.noiseRuns() == 0 ? "–" : count + " of " + r.noiseRuns();
  }

  /** Keeps the settings' comparisons in order, for {@link #markdown}. */
  static Map<String, Comparison> ordered() {
    return new LinkedHashMap<>();
  }
}
