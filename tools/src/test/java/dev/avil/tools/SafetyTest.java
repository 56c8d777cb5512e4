package dev.avil.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.store.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-setting safety figures on two settings of hand-made runs whose answers are known: each
 * run has three epochs, its best (by the target's dev accuracy) the second.
 */
class SafetyTest {
  private static final double[] DEV = {0.3, 0.9, 0.5};

  @Test
  void countsHarmChanceAndTheRandomLabelsAtTheLastAndTheBestEpoch(@TempDir Path dir) {
    Map<String, Comparison> bySetting = Safety.ordered();
    // uniform's .70 is more than .02 below single-task's .80 in both seeds, and so is αVIL's .77 in
    // seed 1, whose random labels climb over the target after its best epoch
    bySetting.put(
        "a", setting(dir.resolve("a"), 0.80, 0.70, 0.77, new double[] {0.25, 0.1, 2}, 0.81, 0.1));
    // αVIL's .12 is within .05 of the chance .10, and far below single-task
    bySetting.put(
        "b", setting(dir.resolve("b"), 0.50, 0.60, 0.12, new double[] {0.25, 0.5, 0.5}, 0.62, 0.5));

    List<Safety.Row> rows = Safety.rows(bySetting, List.of("single-task", "uniform", "avil"));

    Safety.Row avil = rows.get(2);
    assertThat(avil.method()).isEqualTo("avil");
    assertThat(avil.settings()).isEqualTo(2);
    assertThat(avil.mean()).isCloseTo((0.79 + 0.37) / 2, offset(1e-9));
    assertThat(avil.betterBaseline()).isCloseTo((0.80 + 0.60) / 2, offset(1e-9));
    assertThat(avil.runs()).isEqualTo(4);
    assertThat(avil.harmed()).isEqualTo(2);
    assertThat(avil.nearChance()).isEqualTo(1);
    assertThat(avil.noiseRuns()).isEqualTo(4);
    assertThat(avil.noiseBelowTarget()).as("at the last epoch").isEqualTo(3);
    assertThat(avil.noiseBelowTargetAtBest()).as("at the best epoch").isEqualTo(4);
    assertThat(rows.get(1).noiseRuns()).as("uniform's weights never move").isZero();
    assertThat(Safety.markdown(bySetting, List.of("single-task", "uniform", "avil")))
        .contains("| avil | 2 | 0.5800 | 0.7000 | -0.1200 | 4 | 2 | 1 | 3 of 4 | 4 of 4 |")
        .contains("| uniform | 2 | 0.6500 | 0.7000 | -0.0500 | 4 | 2 | 0 | – | – |");
  }

  /**
   * A setting's runs, two seeds each: single-task and uniform with the same accuracy in both, αVIL
   * with {@code avil1} and the random-label weights {@code noise1} in seed 1, and in seed 2 with
   * {@code avil2} and weights that enter at 0.25 and stay at {@code noise2} from the second epoch.
   */
  private static Comparison setting(
      Path dir,
      double single,
      double uniform,
      double avil1,
      double[] noise1,
      double avil2,
      double noise2) {
    double[] ones = {1, 1, 1};
    RunFiles.write(
        dir,
        List.of(
            run("single-task", 1, single, null),
            run("single-task", 2, single, null),
            run("uniform", 1, uniform, ones),
            run("uniform", 2, uniform, ones),
            run("avil", 1, avil1, noise1),
            run("avil", 2, avil2, new double[] {0.25, noise2, noise2})));
    return Comparison.read(dir);
  }

  /**
   * A run whose target has test accuracy {@code test} at its best epoch (other epochs 0.01 lower)
   * and weight 1, and whose random-label task has {@code noise} as its weights (none: single-task).
   */
  private static Results run(String method, long seed, double test, double[] noise) {
    List<Record> records = new ArrayList<>();
    for (int e = 1; e <= DEV.length; e++) {
      double t = e == 2 ? test : test - 0.01;
      records.add(new Record(method, seed, e, "target", Metric.DEV_ACCURACY, DEV[e - 1]));
      records.add(new Record(method, seed, e, "target", Metric.TEST_ACCURACY, t));
      records.add(new Record(method, seed, e, "target", Metric.WEIGHT, 1));
      records.add(new Record(method, seed, e, "noise", Metric.DEV_ACCURACY, 0.1));
      records.add(new Record(method, seed, e, "noise", Metric.TEST_ACCURACY, 0.1));
      records.add(
          new Record(method, seed, e, "noise", Metric.WEIGHT, noise == null ? 0 : noise[e - 1]));
      records.add(new Record(method, seed, e, Record.ALL_TASKS, Metric.SECONDS, 1));
    }
    Map<String, String> config = new LinkedHashMap<>();
    config.put("method", method);
    config.put("seed", Long.toString(seed));
    config.put("role", method.equals("single-task") ? "single-task" : "multitask");
    config.put("target", "target");
    config.put("selectionChance", "0.1");
    return Results.of(method, seed, records, config);
  }
}
