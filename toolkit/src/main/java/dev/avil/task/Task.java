package dev.avil.task;

import java.util.Arrays;

/**
 * A classification task: a name, a number of classes, the shape of one input, and train, dev and
 * test splits. Immutable; {@link #named}, {@link #trainSize} and {@link #trainAfter} return new
 * tasks that share the feature storage.
 *
 * <pre>{@code
 * Task left = MultiMnist.load(0).left().trainSize(1_000);
 * Task copy = left.named("left-copy");
 * Task side = Task.builder("side").examples(x, y).split(dev(0.2), test(0.2)).splitSeed(2).build();
 * }</pre>
 */
public final class Task {
  private final String name;
  private final int classes;
  private final long[] inputShape;
  private final Split train;
  private final Split dev;
  private final Split test;

  Task(String name, int classes, long[] inputShape, Split train, Split dev, Split test) {
    this.name = requireName(name);
    this.classes = classes;
    this.inputShape = inputShape.clone();
    this.train = train;
    this.dev = dev;
    this.test = test;
    validate();
  }

  /**
   * A task from prepared splits (see {@link Split#of}).
   *
   * @throws IllegalArgumentException if a split is empty, a label is outside [0, classes), an input
   *     is not finite, or the rows do not fit {@code inputShape}
   */
  public static Task of(
      String name, int classes, long[] inputShape, Split train, Split dev, Split test) {
    return new Task(name, classes, inputShape, train, dev, test);
  }

  /**
   * Starts a task built from arrays.
   *
   * @param name the task's name: not blank, without commas or line breaks
   * @return a builder
   */
  public static TaskBuilder builder(String name) {
    return new TaskBuilder(name);
  }

  /** The task's name, unique within an experiment. */
  public String name() {
    return name;
  }

  /** The number of classes; labels are in [0, classes). */
  public int classes() {
    return classes;
  }

  /** The shape of one input, e.g. {@code [1, 28, 28]}. */
  public long[] inputShape() {
    return inputShape.clone();
  }

  /** The training split. */
  public Split train() {
    return train;
  }

  /** The dev split, used for model selection (and by target-aware methods for tuning). */
  public Split dev() {
    return dev;
  }

  /** The test split, reported only. */
  public Split test() {
    return test;
  }

  /** The same task under another name. */
  public Task named(String newName) {
    return new Task(newName, classes, inputShape, train, dev, test);
  }

  /**
   * The same task with only its first {@code n} training examples.
   *
   * <pre>{@code
   * Task right = mm.right().trainAfter(1_000).trainSize(6_000);   // examples 1,000 to 6,999
   * }</pre>
   *
   * @param n how many training examples to keep, in [1, training examples]
   * @return the smaller task
   */
  public Task trainSize(int n) {
    if (n <= 0 || n > train.size()) {
      throw new IllegalArgumentException(
          "train size " + n + " for task '" + name + "' must be in [1, " + train.size() + "]");
    }
    return withTrain(train.first(n));
  }

  /**
   * The same task without its first {@code n} training examples: the examples after them only. With
   * {@link #trainSize} it gives tasks built from one data set disjoint training examples.
   *
   * @param n how many training examples to leave out, in [0, training examples)
   * @return the smaller task
   */
  public Task trainAfter(int n) {
    if (n < 0 || n >= train.size()) {
      throw new IllegalArgumentException(
          "trainAfter("
              + n
              + ") for task '"
              + name
              + "' must leave at least 1 of its "
              + train.size()
              + " training examples: give a number in [0, "
              + train.size()
              + ")");
    }
    return withTrain(train.after(n));
  }

  private Task withTrain(Split newTrain) {
    return new Task(name, classes, inputShape, newTrain, dev, test);
  }

  /** Total number of values in one input. */
  public int featureSize() {
    long s = 1;
    for (long d : inputShape) {
      s *= d;
    }
    return (int) s;
  }

  static String requireName(String name) {
    if (name == null || name.isBlank() || name.contains(",") || name.contains("\n")) {
      throw new IllegalArgumentException(
          "task name '"
              + name
              + "' is not accepted: give a non-blank name without commas or newlines");
    }
    return name;
  }

  private void validate() {
    if (classes < 2) {
      throw new IllegalArgumentException(
          "task '" + name + "' has " + classes + " classes; a task needs at least 2");
    }
    for (long d : inputShape) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            "task '" + name + "' input shape " + Arrays.toString(inputShape) + " must be all > 0");
      }
    }
    check("train", train);
    check("dev", dev);
    check("test", test);
  }

  private void check(String which, Split s) {
    if (s == null) {
      throw problem(name, "the " + which + " split must not be null");
    }
    requireExamples(name, which, s.size());
    if (s.featureSize() != featureSize()) {
      throw problem(
          name,
          which
              + " rows have "
              + s.featureSize()
              + " values but input shape "
              + Arrays.toString(inputShape)
              + " needs "
              + featureSize());
    }
    for (int i = 0; i < s.size(); i++) {
      int y = s.label(i);
      if (y < 0 || y >= classes) {
        throw problem(
            name, which + " label " + y + " at row " + i + " is outside [0, " + classes + ")");
      }
    }
    String bad = s.firstNonFinite();
    if (bad != null) {
      throw problem(
          name, which + " input is not finite: " + bad + "; inputs must be finite numbers");
    }
  }

  /** An error about task {@code name}: its message reads "task 'NAME' DETAIL". */
  static IllegalArgumentException problem(String name, String detail) {
    return new IllegalArgumentException("task '" + name + "' " + detail);
  }

  /** Fails unless split {@code which} of task {@code name} has at least one of its {@code rows}. */
  static void requireExamples(String name, String which, int rows) {
    if (rows == 0) {
      throw problem(name, "has an empty " + which + " split; every split needs at least 1 example");
    }
  }

  /** Replaces every split's labels through {@code labelOf(split, baseRow)}. */
  Task relabel(String newName, int newClasses, Relabeler relabeler) {
    return new Task(
        newName,
        newClasses,
        inputShape,
        relabeler.apply(train),
        relabeler.apply(dev),
        relabeler.apply(test));
  }

  @FunctionalInterface
  interface Relabeler {
    Split apply(Split s);
  }

  @Override
  public String toString() {
    return String.format(
        "Task[%s, %d classes, input %s, train %d, dev %d, test %d]",
        name, classes, Arrays.toString(inputShape), train.size(), dev.size(), test.size());
  }
}
