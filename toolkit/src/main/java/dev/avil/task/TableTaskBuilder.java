package dev.avil.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds a task from a Tablesaw table: every numeric column but the label column is a feature; the
 * label column holds integer classes or strings (numbered in order of first appearance). The rows
 * are split at random into train, dev and test. Immutable: every step returns a new builder. Start
 * one with {@link Tasks#fromTable}.
 *
 * <pre>{@code
 * Task quadrant = Tasks.fromTable(points).named("quadrant").label("label")
 *     .split(dev(0.2), test(0.2)).splitSeed(1)
 *     .build();
 * }</pre>
 *
 * <p>A row without a label is an error naming the row; {@link #missingLabels} with {@link
 * Tasks.MissingLabels#DROP} leaves such rows out instead.
 */
public final class TableTaskBuilder {
  private final Table table;
  private final String name;
  private final String label;
  private final RandomSplit split;
  private final Tasks.MissingLabels missing;

  private TableTaskBuilder(
      Table table, String name, String label, RandomSplit split, Tasks.MissingLabels missing) {
    this.table = table;
    this.name = name;
    this.label = label;
    this.split = split;
    this.missing = missing;
  }

  static TableTaskBuilder of(Table table) {
    if (table == null) {
      throw new IllegalArgumentException("table must not be null");
    }
    return new TableTaskBuilder(
        table, table.name(), null, RandomSplit.DEFAULT, Tasks.MissingLabels.FAIL);
  }

  /**
   * The task named {@code taskName}: not blank, without commas or line breaks. Default: the table's
   * name.
   */
  public TableTaskBuilder named(String taskName) {
    return new TableTaskBuilder(table, Task.requireName(taskName), label, split, missing);
  }

  /** The column that holds the labels (required): integer classes, or strings. */
  public TableTaskBuilder label(String column) {
    if (!table.columnNames().contains(column)) {
      throw new IllegalArgumentException(
          "label column '"
              + column
              + "' is not in table '"
              + table.name()
              + "'; its columns are "
              + table.columnNames());
    }
    return new TableTaskBuilder(table, name, column, split, missing);
  }

  /** The {@link Share}s of dev and test, in either order. Default {@code dev(0.2), test(0.2)}. */
  public TableTaskBuilder split(Share a, Share b) {
    return new TableTaskBuilder(table, name, label, split.shares(a, b), missing);
  }

  /** The seed of the random split. Default 1. */
  public TableTaskBuilder splitSeed(long seed) {
    return new TableTaskBuilder(table, name, label, split.seed(seed), missing);
  }

  /** What becomes of rows without a label (null, empty or missing). Default: FAIL. */
  public TableTaskBuilder missingLabels(Tasks.MissingLabels policy) {
    if (policy == null) {
      throw new IllegalArgumentException(
          "missing-label policy must not be null; accepted: "
              + Arrays.toString(Tasks.MissingLabels.values()));
    }
    return new TableTaskBuilder(table, name, label, split, policy);
  }

  /**
   * Reads the features and labels, splits the rows and builds the task.
   *
   * @return the task
   * @throws IllegalArgumentException if no label column was given, a feature column is not numeric,
   *     a row has no label (unless dropped), or a numeric label is not an integer
   */
  public Task build() {
    if (label == null) {
      throw new IllegalArgumentException(
          "task '"
              + name
              + "' from table '"
              + table.name()
              + "' needs its label column: call"
              + " .label(column), one of "
              + table.columnNames());
    }
    List<NumericColumn<?>> features = features();
    List<Integer> rows = labelledRows();
    int n = rows.size();
    float[][] x = new float[n][features.size()];
    for (int j = 0; j < features.size(); j++) {
      NumericColumn<?> col = features.get(j);
      for (int k = 0; k < n; k++) {
        int i = rows.get(k);
        x[k][j] = col.isMissing(i) ? Float.NaN : (float) col.getDouble(i);
      }
    }
    int[] y = new int[n];
    int classes = labels(rows, y);
    return Task.builder(name).classes(classes).examples(x, y).withSplit(split).build();
  }

  private List<NumericColumn<?>> features() {
    List<NumericColumn<?>> features = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      if (c.name().equals(label)) {
        continue;
      }
      if (!(c instanceof NumericColumn<?> n)) {
        throw new IllegalArgumentException(
            "column '"
                + c.name()
                + "' of type "
                + c.type()
                + " is not numeric; feature columns"
                + " must be numeric (drop it or name it as the label column)");
      }
      features.add(n);
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException(
          "table '" + table.name() + "' has no numeric feature column");
    }
    return features;
  }

  /** The rows with a label; fails on a row without one unless such rows are dropped. */
  private List<Integer> labelledRows() {
    Column<?> labels = table.column(label);
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
    if (unlabelled > 0 && missing == Tasks.MissingLabels.FAIL) {
      throw new IllegalArgumentException(
          "row "
              + firstUnlabelled
              + " of table '"
              + table.name()
              + "' has no label in column '"
              + label
              + "'"
              + (unlabelled > 1 ? " (" + unlabelled + " rows have none)" : "")
              + "; expected a label in every row: fill them in, or drop those rows with"
              + " .missingLabels(Tasks.MissingLabels.DROP)");
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "table '" + table.name() + "' has no row with a label in column '" + label + "'");
    }
    return rows;
  }

  /** Writes the class of each row into {@code y} and returns the number of classes. */
  private int labels(List<Integer> rows, int[] y) {
    Column<?> labels = table.column(label);
    if (labels instanceof NumericColumn<?> nc) {
      int max = 0;
      for (int k = 0; k < y.length; k++) {
        int i = rows.get(k);
        double v = nc.getDouble(i);
        if (v != Math.rint(v)) {
          throw new IllegalArgumentException(
              "label "
                  + v
                  + " in row "
                  + i
                  + " is not an integer class; labels must be integers"
                  + " or strings");
        }
        y[k] = (int) v;
        max = Math.max(max, y[k]);
      }
      return Math.max(2, max + 1);
    }
    Map<String, Integer> codes = new LinkedHashMap<>();
    for (int k = 0; k < y.length; k++) {
      y[k] = codes.computeIfAbsent(labels.getString(rows.get(k)), c -> codes.size());
    }
    return Math.max(2, codes.size());
  }
}
