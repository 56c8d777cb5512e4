package dev.avil.task;

import java.util.Arrays;
import java.util.Objects;

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
   * @throws IllegalArgumentException if a split is empty, a label is outside [0, classes), an
   *     input is not finite, or the rows do not fit {@code inputShape}
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
  public static Builder builder(String name) {
    return new Builder(name);
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
   * The same task without its first {@code n} training examples: the examples after them only.
   * With {@link #trainSize} it gives tasks built from one data set disjoint training examples.
   *
   * @param n how many training examples to leave out, in [0, training examples)
   * @return the smaller task
   */
  public Task trainAfter(int n) {
    if (n < 0 || n >= train.size()) {
      throw new IllegalArgumentException(
          "trainAfter(" + n + ") for task '" + name + "' must leave at least 1 of its "
              + train.size() + " training examples: give a number in [0, " + train.size() + ")");
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
          "task name '" + name + "' is not accepted: give a non-blank name without commas or newlines");
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
    Objects.requireNonNull(s, which);
    if (s.size() == 0) {
      throw new IllegalArgumentException(
          "task '" + name + "' has an empty " + which + " split; every split needs at least 1 example");
    }
    if (s.featureSize() != featureSize()) {
      throw new IllegalArgumentException(
          "task '"
              + name
              + "' "
              + which
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
        throw new IllegalArgumentException(
            "task '"
                + name
                + "' "
                + which
                + " label "
                + y
                + " at row "
                + i
                + " is outside [0, "
                + classes
                + ")");
      }
    }
    String bad = s.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException(
          "task '" + name + "' " + which + " input is not finite: " + bad + "; inputs must be finite numbers");
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

  /**
   * Builds a task from Java arrays, one row of features per example: train, dev and test sets, or
   * one set split at random by named shares ({@link Share}).
   *
   * <pre>{@code
   * Task t = Task.builder("t").train(x, y).dev(devX, devY).test(testX, testY).build();
   * Task u = Task.builder("u").classes(2).examples(x, y).split(dev(0.1), test(0.2)).build();
   * }</pre>
   */
  public static final class Builder {
    private final String name;
    private int classes = -1;
    private long[] inputShape;
    private Split train;
    private Split dev;
    private Split test;
    private Split examples;
    private RandomSplit randomSplit = RandomSplit.DEFAULT;

    private Builder(String name) {
      this.name = requireName(name);
    }

    /** Number of classes; by default one more than the largest label seen. */
    public Builder classes(int n) {
      this.classes = n;
      return this;
    }

    /** Shape of one input, e.g. {@code 1, 28, 28}; by default a vector of the row length. */
    public Builder inputShape(long... shape) {
      this.inputShape = shape.clone();
      return this;
    }

    /** The training examples. */
    public Builder train(float[][] x, int[] y) {
      this.train = split("train", x, y);
      return this;
    }

    /** The dev examples. */
    public Builder dev(float[][] x, int[] y) {
      this.dev = split("dev", x, y);
      return this;
    }

    /** The test examples. */
    public Builder test(float[][] x, int[] y) {
      this.test = split("test", x, y);
      return this;
    }

    /** The {@link Share}s of dev and test, in either order. Default {@code dev(0.2), test(0.2)}. */
    public Builder split(Share a, Share b) {
      this.randomSplit = randomSplit.shares(a, b);
      return this;
    }

    /** The seed of the random split of {@link #examples}. Default 1. */
    public Builder splitSeed(long seed) {
      this.randomSplit = randomSplit.seed(seed);
      return this;
    }

    /** One set of examples to split at random (see {@link #split}), instead of train/dev/test. */
    public Builder examples(float[][] x, int[] y) {
      this.examples = split("examples", x, y);
      return this;
    }

    Builder randomSplit(RandomSplit s) {
      this.randomSplit = Objects.requireNonNull(s);
      return this;
    }

    private Split split(String which, float[][] x, int[] y) {
      Objects.requireNonNull(x, which + " features");
      Objects.requireNonNull(y, which + " labels");
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "task '" + name + "' " + which + ": " + x.length + " rows but " + y.length + " labels");
      }
      if (x.length == 0) {
        throw new IllegalArgumentException(
            "task '" + name + "' has an empty " + which + " split; every split needs at least 1 example");
      }
      int width = x[0].length;
      float[] flat = new float[x.length * width];
      for (int i = 0; i < x.length; i++) {
        if (x[i].length != width) {
          throw new IllegalArgumentException(
              "task '" + name + "' " + which + " row " + i + " has " + x[i].length + " values, row 0 has " + width);
        }
        System.arraycopy(x[i], 0, flat, i * width, width);
      }
      return Split.of(flat, y.clone(), width);
    }

    /**
     * Validates and builds the task.
     *
     * @return the task
     * @throws IllegalArgumentException if neither train, dev and test nor examples were given,
     *     both were, or the examples are too few to split
     */
    public Task build() {
      checkParts(name, "examples", train, dev, test, examples);
      Split[] s = examples == null ? new Split[] {train, dev, test}
          : randomSplit.apply(name, examples);
      long[] shape = inputShape != null ? inputShape : new long[] {s[0].featureSize()};
      int k = classes;
      if (k < 0) {
        int max = 0;
        for (Split part : s) {
          for (int i = 0; i < part.size(); i++) {
            max = Math.max(max, part.label(i));
          }
        }
        k = Math.max(2, max + 1);
      }
      return new Task(name, k, shape, s[0], s[1], s[2]);
    }

    /**
     * Checks that a builder of task {@code name} was given either train, dev and test {@code
     * what}, or one set to split at random, and not both.
     */
    static void checkParts(String name, String what, Object train, Object dev, Object test,
        Object examples) {
      boolean parts = train != null || dev != null || test != null;
      boolean incomplete = train == null || dev == null || test == null;
      if (parts == (examples != null) || (parts && incomplete)) {
        String got = (train != null ? "train " : "") + (dev != null ? "dev " : "")
            + (test != null ? "test " : "") + (examples != null ? "examples" : "");
        throw new IllegalArgumentException(
            "task '" + name + "' needs either train, dev and test " + what + ", or examples to"
                + " split at random; got " + (got.isBlank() ? "none" : got.strip()));
      }
    }
  }
}
