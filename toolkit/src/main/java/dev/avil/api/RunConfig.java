package dev.avil.api;

import dev.avil.task.Task;
import dev.avil.train.Cells;
import dev.avil.train.RunSpec;
import dev.avil.train.TargetSplit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration every result carries: the method and its options with defaults filled in, the
 * run's settings, each task's sizes, and the versions it ran on.
 */
final class RunConfig {
  private RunConfig() {}

  /** The configuration of one run of {@code m} as {@code spec} describes it. */
  static Map<String, String> of(Method m, RunSpec spec) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("method", m.name());
    c.put("role", m.role().id());
    m.options().forEach((k, v) -> c.put("method." + k, v));
    c.put("target", spec.tasks().get(0).name());
    c.put(
        "aux",
        String.join(
            " ", spec.tasks().subList(1, spec.tasks().size()).stream().map(Task::name).toList()));
    c.put("trunk", spec.trunk().name());
    c.put("headHidden", Integer.toString(spec.headHidden()));
    c.put("epochs", Integer.toString(spec.epochs()));
    c.put("patience", Integer.toString(spec.patience()));
    c.put("patienceGrowth", Double.toString(spec.patienceGrowth()));
    c.put("chanceMargin", Double.toString(spec.chanceMargin()));
    c.put("selectionChance", Double.toString(TargetSplit.selectionChance(spec)));
    c.put("batchSize", Integer.toString(spec.batchSize()));
    c.put("learningRate", Double.toString(spec.learningRate()));
    c.put("optimizer", spec.optimizer().describe());
    c.put("devSplit", Double.toString(spec.devSplit()));
    c.put("seed", Long.toString(spec.seed()));
    c.put("precision", spec.dtype().name().toLowerCase(java.util.Locale.ROOT));
    c.put("lanes", Integer.toString(Cells.lanes()));
    for (Task t : spec.tasks()) {
      c.put(
          "task." + t.name(),
          String.format(
              "classes=%d input=%s train=%d dev=%d test=%d",
              t.classes(),
              Arrays.toString(t.inputShape()).replace(" ", ""),
              t.train().size(),
              t.dev().size(),
              t.test().size()));
    }
    c.put("version.toolkit", Versions.toolkit());
    c.put("version.djl", Versions.djl());
    c.put("version.java", System.getProperty("java.version"));
    return c;
  }
}
