package dev.avil.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Ways to make tasks: synthetic variants of a task, tasks from a Tablesaw table, and tasks from
 * texts.
 *
 * <pre>{@code
 * Task noise = Tasks.randomLabels("noise", right, 1);   // a task that cannot help
 * Task even  = Tasks.relabel("even", left, 2, y -> y % 2);
 * Task iris  = Tasks.fromTable("iris", table, "species", 0.2, 0.2, 1);
 * Task mood  = Tasks.fromText("mood").examples(texts, labels).devFraction(0.1).testFraction(0.1).build();
 * }</pre>
 */
public final class Tasks {
  private Tasks() {}

  /**
   * Starts a task from texts and string labels. Its inputs are the texts' vectors from a {@link
   * dev.avil.text.TextEncoder}, by default the built-in all-MiniLM-L6-v2 (384 numbers per text,
   * cached on disk); see {@link TextTaskBuilder}.
   *
   * <pre>{@code
   * Task reviews = Tasks.fromText("reviews").train(texts, labels).dev(devTexts, devLabels)
   *     .test(testTexts, testLabels).build();
   * }</pre>
   */
  public static TextTaskBuilder fromText(String name) {
    return TextTaskBuilder.named(name);
  }

  /**
   * The same inputs as {@code base} with labels drawn uniformly at random from its classes, fixed
   * by {@code seed}: an auxiliary task that carries no information about any target.
   */
  public static Task randomLabels(String name, Task base, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int k = base.classes();
    return base.relabel(
        name,
        k,
        s -> {
          int[] labels = new int[s.baseSize()];
          SplittableRandom r = rng.split();
          for (int i = 0; i < labels.length; i++) {
            labels[i] = r.nextInt(k);
          }
          return s.withLabels(labels);
        });
  }

  /** The same inputs as {@code base} with each label {@code y} replaced by {@code map(y)}. */
  public static Task relabel(String name, Task base, int classes, IntUnaryOperator map) {
    return base.relabel(
        name,
        classes,
        s -> {
          int[] labels = new int[s.baseSize()];
          for (int i = 0; i < s.size(); i++) {
            labels[s.baseRow(i)] = map.applyAsInt(s.label(i));
          }
          return s.withLabels(labels);
        });
  }

  /** What {@link #fromTable(String, Table, String, double, double, long, MissingLabels)} does with a row without a label. */
  public enum MissingLabels {
    /** Fail, naming the first such row (the default). */
    FAIL,
    /** Leave the row out of the task. */
    DROP
  }

  /**
   * A task from a table: every numeric column but {@code labelColumn} is a feature; the label
   * column holds integer classes or strings (mapped to classes in order of first appearance).
   * Rows are split at random into train, dev and test. A row without a label is an error; see the
   * overload with {@link MissingLabels} to drop such rows instead.
   */
  public static Task fromTable(
      String name, Table table, String labelColumn, double devFraction, double testFraction, long seed) {
    return fromTable(name, table, labelColumn, devFraction, testFraction, seed, MissingLabels.FAIL);
  }

  /**
   * As {@link #fromTable(String, Table, String, double, double, long)}, with a choice of what
   * happens to rows whose label is missing (a null or empty string, or a missing number).
   *
   * <pre>{@code
   * Task t = Tasks.fromTable("iris", table, "species", 0.2, 0.2, 1, Tasks.MissingLabels.DROP);
   * }</pre>
   */
  public static Task fromTable(
      String name, Table table, String labelColumn, double devFraction, double testFraction, long seed,
      MissingLabels missing) {
    if (missing == null) {
      throw new IllegalArgumentException("missing-label policy must not be null; accepted: " + java.util.Arrays.toString(MissingLabels.values()));
    }
    if (!table.columnNames().contains(labelColumn)) {
      throw new IllegalArgumentException(
          "label column '" + labelColumn + "' is not in table '" + table.name() + "'; its columns are "
              + table.columnNames());
    }
    List<NumericColumn<?>> features = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      if (c.name().equals(labelColumn)) {
        continue;
      }
      if (!(c instanceof NumericColumn<?> n)) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' of type " + c.type() + " is not numeric; feature columns must be numeric"
                + " (drop it or name it as the label column)");
      }
      features.add(n);
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException("table '" + table.name() + "' has no numeric feature column");
    }
    Column<?> labels = table.column(labelColumn);
    List<Integer> rows = new ArrayList<>();
    int unlabelled = 0;
    int firstUnlabelled = -1;
    for (int i = 0; i < table.rowCount(); i++) {
      if (labels.isMissing(i) || labels.get(i) == null) {
        unlabelled++;
        firstUnlabelled = firstUnlabelled < 0 ? i : firstUnlabelled;
      } else {
        rows.add(i);
      }
    }
    if (unlabelled > 0 && missing == MissingLabels.FAIL) {
      throw new IllegalArgumentException(
          "row " + firstUnlabelled + " of table '" + table.name() + "' has no label in column '" + labelColumn + "'"
              + (unlabelled > 1 ? " (" + unlabelled + " rows have none)" : "")
              + "; expected a label in every row: fill them in, or drop those rows with"
              + " Tasks.fromTable(..., Tasks.MissingLabels.DROP)");
    }
    int n = rows.size();
    if (n == 0) {
      throw new IllegalArgumentException("table '" + table.name() + "' has no row with a label in column '" + labelColumn + "'");
    }
    float[][] x = new float[n][features.size()];
    for (int j = 0; j < features.size(); j++) {
      NumericColumn<?> col = features.get(j);
      for (int k = 0; k < n; k++) {
        int i = rows.get(k);
        x[k][j] = col.isMissing(i) ? Float.NaN : (float) col.getDouble(i);
      }
    }
    int[] y = new int[n];
    int classes;
    if (labels instanceof NumericColumn<?> nc) {
      int max = 0;
      for (int k = 0; k < n; k++) {
        int i = rows.get(k);
        double v = nc.getDouble(i);
        if (v != Math.rint(v)) {
          throw new IllegalArgumentException(
              "label " + v + " in row " + i + " is not an integer class; labels must be integers or strings");
        }
        y[k] = (int) v;
        max = Math.max(max, y[k]);
      }
      classes = Math.max(2, max + 1);
    } else {
      java.util.Map<String, Integer> codes = new java.util.LinkedHashMap<>();
      for (int k = 0; k < n; k++) {
        y[k] = codes.computeIfAbsent(labels.getString(rows.get(k)), c -> codes.size());
      }
      classes = Math.max(2, codes.size());
    }
    return Task.builder(name).classes(classes).split(x, y, devFraction, testFraction, seed).build();
  }
}
