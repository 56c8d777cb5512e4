package dev.avil.task;

import java.util.Arrays;
import java.util.Objects;

/**
 * A classification task: a name, a number of classes, the shape of one input, and train, dev and
 * test splits. Immutable; the {@code with…} and slicing methods return new tasks that share the
 * feature storage.
 *
 * <pre>{@code
 * Task left = MultiMnist.load(0).left().trainSize(1_000);
 * Task copy = left.named("left-copy");
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

  /** Starts a task built from arrays. */
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

  /** The same task with only the first {@code n} training examples. */
  public Task trainSize(int n) {
    if (n <= 0 || n > train.size()) {
      throw new IllegalArgumentException(
          "train size " + n + " for task '" + name + "' must be in [1, " + train.size() + "]");
    }
    return trainSlice(0, n);
  }

  /** The same task with training examples {@code [from, to)} only. */
  public Task trainSlice(int from, int to) {
    if (from < 0 || to > train.size() || from >= to) {
      throw new IllegalArgumentException(
          "train slice ["
              + from
              + ", "
              + to
              + ") for task '"
              + name
              + "' must be a non-empty range within [0, "
              + train.size()
              + "]");
    }
    return new Task(name, classes, inputShape, train.slice(from, to), dev, test);
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

  /** Builds a task from Java arrays: one row of features per example. */
  public static final class Builder {
    private final String name;
    private int classes = -1;
    private long[] inputShape;
    private Split train;
    private Split dev;
    private Split test;

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

    /**
     * Splits one set of examples at random into train, dev and test.
     *
     * @param devFraction fraction for dev, in (0, 1)
     * @param testFraction fraction for test, in (0, 1); dev + test must leave a training part
     */
    public Builder split(float[][] x, int[] y, double devFraction, double testFraction, long seed) {
      if (!(devFraction > 0 && testFraction > 0 && devFraction + testFraction < 1)) {
        throw new IllegalArgumentException(
            "dev fraction "
                + devFraction
                + " and test fraction "
                + testFraction
                + " must both be > 0 and sum to < 1");
      }
      Split all = split("all", x, y);
      int n = all.size();
      int[] order = Shuffle.permutation(n, new java.util.SplittableRandom(seed));
      int nDev = Math.max(1, (int) Math.round(n * devFraction));
      int nTest = Math.max(1, (int) Math.round(n * testFraction));
      if (nDev + nTest >= n) {
        throw new IllegalArgumentException(
            n + " examples are too few for dev " + nDev + " + test " + nTest + " + train ≥ 1");
      }
      this.test = all.rows(Arrays.copyOfRange(order, 0, nTest));
      this.dev = all.rows(Arrays.copyOfRange(order, nTest, nTest + nDev));
      this.train = all.rows(Arrays.copyOfRange(order, nTest + nDev, n));
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

    /** Validates and builds the task. */
    public Task build() {
      if (train == null || dev == null || test == null) {
        throw new IllegalArgumentException(
            "task '" + name + "' needs train, dev and test examples: call train/dev/test or split");
      }
      long[] shape = inputShape != null ? inputShape : new long[] {train.featureSize()};
      int k = classes;
      if (k < 0) {
        int max = 0;
        for (Split s : new Split[] {train, dev, test}) {
          for (int i = 0; i < s.size(); i++) {
            max = Math.max(max, s.label(i));
          }
        }
        k = Math.max(2, max + 1);
      }
      return new Task(name, k, shape, train, dev, test);
    }
  }
}
