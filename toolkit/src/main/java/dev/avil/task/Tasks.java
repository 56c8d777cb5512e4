package dev.avil.task;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import tech.tablesaw.api.Table;

/**
 * Ways to make tasks: synthetic variants of a task, tasks from a Tablesaw table, and tasks from
 * texts.
 *
 * <pre>{@code
 * Task noise = Tasks.randomLabels("noise", right, 1);   // a task that cannot help
 * Task even  = Tasks.relabel("even", left, 2, y -> y % 2);
 * Task iris  = Tasks.fromTable(table).named("iris").label("species").build();
 * Task mood  = Tasks.fromText("mood").examples(texts, labels).split(dev(0.1), test(0.1)).build();
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

  /**
   * Starts a task from a table: every numeric column but the label column is a feature, and the
   * rows are split at random; see {@link TableTaskBuilder}.
   *
   * <pre>{@code
   * Task iris = Tasks.fromTable(table).label("species").split(dev(0.2), test(0.2)).build();
   * }</pre>
   *
   * @param table the examples, one per row; its name is the task's unless {@link
   *     TableTaskBuilder#named} gives another
   * @return a builder
   */
  public static TableTaskBuilder fromTable(Table table) {
    return TableTaskBuilder.of(table);
  }

  /** What {@link TableTaskBuilder#build} does with a row without a label. */
  public enum MissingLabels {
    /** Fail, naming the first such row (the default). */
    FAIL,
    /** Leave the row out of the task. */
    DROP
  }
}
