package dev.avil.task;

/**
 * Builds a task from Java arrays, one row of features per example: train, dev and test sets, or one
 * set split at random by named shares ({@link Share}). Immutable, as every builder of the toolkit:
 * each step returns a new builder and checks its input at once.
 *
 * <pre>{@code
 * Task t = Task.builder("t").train(x, y).dev(devX, devY).test(testX, testY).build();
 * Task u = Task.builder("u").classes(2).examples(x, y).split(dev(0.1), test(0.2)).build();
 * }</pre>
 */
public final class TaskBuilder {
  private final String name;
  private final int classes;
  private final long[] inputShape;
  private final Split train;
  private final Split dev;
  private final Split test;
  private final Split examples;
  private final RandomSplit randomSplit;

  private TaskBuilder(
      String name,
      int classes,
      long[] inputShape,
      Split train,
      Split dev,
      Split test,
      Split examples,
      RandomSplit randomSplit) {
    this.name = name;
    this.classes = classes;
    this.inputShape = inputShape;
    this.train = train;
    this.dev = dev;
    this.test = test;
    this.examples = examples;
    this.randomSplit = randomSplit;
  }

  TaskBuilder(String name) {
    this(Task.requireName(name), -1, null, null, null, null, null, RandomSplit.DEFAULT);
  }

  /** Number of classes, ≥ 2; by default one more than the largest label seen. */
  public TaskBuilder classes(int n) {
    if (n < 2) {
      throw Task.problem(name, "classes " + n + " must be ≥ 2");
    }
    return new TaskBuilder(name, n, inputShape, train, dev, test, examples, randomSplit);
  }

  /** Shape of one input, e.g. {@code 1, 28, 28}; by default a vector of the row length. */
  public TaskBuilder inputShape(long... shape) {
    if (shape == null || shape.length == 0) {
      throw Task.problem(name, "an input shape needs at least one dimension");
    }
    return new TaskBuilder(name, classes, shape.clone(), train, dev, test, examples, randomSplit);
  }

  /** The training examples. */
  public TaskBuilder train(float[][] x, int[] y) {
    return new TaskBuilder(
        name, classes, inputShape, split("train", x, y), dev, test, examples, randomSplit);
  }

  /** The dev examples. */
  public TaskBuilder dev(float[][] x, int[] y) {
    return new TaskBuilder(
        name, classes, inputShape, train, split("dev", x, y), test, examples, randomSplit);
  }

  /** The test examples. */
  public TaskBuilder test(float[][] x, int[] y) {
    return new TaskBuilder(
        name, classes, inputShape, train, dev, split("test", x, y), examples, randomSplit);
  }

  /** The {@link Share}s of dev and test, in either order. Default {@code dev(0.2), test(0.2)}. */
  public TaskBuilder split(Share a, Share b) {
    return withSplit(randomSplit.shares(a, b));
  }

  /** The seed of the random split of {@link #examples}. Default 1. */
  public TaskBuilder splitSeed(long seed) {
    return withSplit(randomSplit.seed(seed));
  }

  /** One set of examples to split at random (see {@link #split}), instead of train/dev/test. */
  public TaskBuilder examples(float[][] x, int[] y) {
    return new TaskBuilder(
        name, classes, inputShape, train, dev, test, split("examples", x, y), randomSplit);
  }

  TaskBuilder withSplit(RandomSplit s) {
    if (s == null) {
      throw Task.problem(name, "the random split must not be null");
    }
    return new TaskBuilder(name, classes, inputShape, train, dev, test, examples, s);
  }

  private Split split(String which, float[][] x, int[] y) {
    if (x == null || y == null) {
      throw Task.problem(name, which + ": features and labels must not be null");
    }
    if (x.length != y.length) {
      throw Task.problem(name, which + ": " + x.length + " rows but " + y.length + " labels");
    }
    Task.requireExamples(name, which, x.length);
    int width = x[0].length;
    float[] flat = new float[x.length * width];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != width) {
        throw Task.problem(
            name, which + " row " + i + " has " + x[i].length + " values, row 0 has " + width);
      }
      System.arraycopy(x[i], 0, flat, i * width, width);
    }
    return Split.of(flat, y.clone(), width);
  }

  /**
   * Validates and builds the task.
   *
   * @return the task
   * @throws IllegalArgumentException if neither train, dev and test nor examples were given, both
   *     were, or the examples are too few to split
   */
  public Task build() {
    checkParts(name, "examples", train, dev, test, examples);
    Split[] s =
        examples == null ? new Split[] {train, dev, test} : randomSplit.apply(name, examples);
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
   * Checks that a builder of task {@code name} was given either train, dev and test {@code what},
   * or one set to split at random, and not both.
   */
  static void checkParts(
      String name, String what, Object train, Object dev, Object test, Object examples) {
    boolean parts = train != null || dev != null || test != null;
    boolean incomplete = train == null || dev == null || test == null;
    if (parts == (examples != null) || (parts && incomplete)) {
      String got =
          (train != null ? "train " : "")
              + (dev != null ? "dev " : "")
              + (test != null ? "test " : "")
              + (examples != null ? "examples" : "");
      throw new IllegalArgumentException(
          "task '"
              + name
              + "' needs either train, dev and test "
              + what
              + ", or examples to"
              + " split at random; got "
              + (got.isBlank() ? "none" : got.strip()));
    }
  }
}
