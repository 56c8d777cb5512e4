package dev.avil.task;

import dev.avil.text.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds a task from texts and their labels; {@link #build()} encodes every text with the {@link
 * TextEncoder} (by default the built-in {@link TextEncoder#miniLm()}, cached on disk) and the task's
 * inputs are the vectors. Immutable: every step returns a new builder. Start one with {@link
 * Tasks#fromText}.
 *
 * <pre>{@code
 * Task sentiment = Tasks.fromText("sentiment")
 *     .train(trainTexts, trainLabels)       // List<String> texts, List<String> labels
 *     .dev(devTexts, devLabels)
 *     .test(testTexts, testLabels)
 *     .build();
 *
 * Task polarity = Tasks.fromText("polarity")
 *     .examples(words, polarities)          // one set, split at random:
 *     .devFraction(0.1).testFraction(0.1).splitSeed(7)
 *     .build();
 * }</pre>
 *
 * <p>Labels are strings; their classes are numbered in the order given by {@link #classes}, or else
 * in sorted order.
 *
 * <p>By default every vector is scaled to length √d (d numbers per vector), so that its numbers are
 * about 1 in size: sentence encoders give vectors of length 1, whose numbers (about 0.05 for
 * MiniLM's 384) are too small for an MLP trunk at the default learning rate to learn from in a few
 * epochs. Directions, and so cosine similarities, are unchanged. {@link #scaleVectors} turns it off.
 */
public final class TextTaskBuilder {
  private record Part(List<String> texts, List<String> labels) {}

  private final String name;
  private final Part train;
  private final Part dev;
  private final Part test;
  private final Part examples;
  private final double devFraction;
  private final double testFraction;
  private final long splitSeed;
  private final List<String> classes;
  private final TextEncoder encoder;
  private final boolean scale;

  private TextTaskBuilder(String name, Part train, Part dev, Part test, Part examples, double devFraction,
      double testFraction, long splitSeed, List<String> classes, TextEncoder encoder, boolean scale) {
    this.name = name;
    this.train = train;
    this.dev = dev;
    this.test = test;
    this.examples = examples;
    this.devFraction = devFraction;
    this.testFraction = testFraction;
    this.splitSeed = splitSeed;
    this.classes = classes;
    this.encoder = encoder;
    this.scale = scale;
  }

  static TextTaskBuilder named(String name) {
    return new TextTaskBuilder(Task.requireName(name), null, null, null, null, 0.2, 0.2, 1, null, null, true);
  }

  /** The training texts and their labels. */
  public TextTaskBuilder train(List<String> texts, List<String> labels) {
    return new TextTaskBuilder(name, part("train", texts, labels), dev, test, examples, devFraction, testFraction, splitSeed, classes, encoder, scale);
  }

  /** The dev texts and their labels. */
  public TextTaskBuilder dev(List<String> texts, List<String> labels) {
    return new TextTaskBuilder(name, train, part("dev", texts, labels), test, examples, devFraction, testFraction, splitSeed, classes, encoder, scale);
  }

  /** The test texts and their labels. */
  public TextTaskBuilder test(List<String> texts, List<String> labels) {
    return new TextTaskBuilder(name, train, dev, part("test", texts, labels), examples, devFraction, testFraction, splitSeed, classes, encoder, scale);
  }

  /**
   * One set of texts and labels, split at random into train, dev and test by {@link #devFraction},
   * {@link #testFraction} and {@link #splitSeed}. Instead of {@link #train}, {@link #dev} and
   * {@link #test}.
   */
  public TextTaskBuilder examples(List<String> texts, List<String> labels) {
    return new TextTaskBuilder(name, train, dev, test, part("examples", texts, labels), devFraction, testFraction, splitSeed, classes, encoder, scale);
  }

  /** The share of {@link #examples} that goes to dev, in (0, 1). Default 0.2. */
  public TextTaskBuilder devFraction(double fraction) {
    fraction("dev", fraction);
    return new TextTaskBuilder(name, train, dev, test, examples, fraction, testFraction, splitSeed, classes, encoder, scale);
  }

  /** The share of {@link #examples} that goes to test, in (0, 1). Default 0.2. */
  public TextTaskBuilder testFraction(double fraction) {
    fraction("test", fraction);
    return new TextTaskBuilder(name, train, dev, test, examples, devFraction, fraction, splitSeed, classes, encoder, scale);
  }

  /** The seed of the random split of {@link #examples}. Default 1. */
  public TextTaskBuilder splitSeed(long seed) {
    return new TextTaskBuilder(name, train, dev, test, examples, devFraction, testFraction, seed, classes, encoder, scale);
  }

  /** The class labels in the order of their class numbers (0, 1, ...). Default: sorted. */
  public TextTaskBuilder classes(String... labels) {
    List<String> c = List.of(labels);
    if (c.size() < 2 || new TreeSet<>(c).size() != c.size()) {
      throw new IllegalArgumentException(
          "classes " + c + " for task '" + name + "' must be at least 2 distinct labels");
    }
    return new TextTaskBuilder(name, train, dev, test, examples, devFraction, testFraction, splitSeed, c, encoder, scale);
  }

  /** The encoder of the texts. Default: {@link TextEncoder#miniLm()}. */
  public TextTaskBuilder encoder(TextEncoder e) {
    return new TextTaskBuilder(name, train, dev, test, examples, devFraction, testFraction, splitSeed, classes,
        Objects.requireNonNull(e, "encoder"), scale);
  }

  /** Whether vectors are scaled to length √d (see the class comment). Default true. */
  public TextTaskBuilder scaleVectors(boolean on) {
    return new TextTaskBuilder(name, train, dev, test, examples, devFraction, testFraction, splitSeed, classes, encoder, on);
  }

  /**
   * Encodes every text (one call to the encoder, so one progress bar) and builds the task.
   *
   * @throws IllegalArgumentException if neither train, dev and test nor examples were given, both
   *     were, or a label is not among {@link #classes}
   */
  public Task build() {
    boolean splits = train != null || dev != null || test != null;
    if (splits == (examples != null) || (splits && (train == null || dev == null || test == null))) {
      throw new IllegalArgumentException(
          "task '" + name + "' needs either train, dev and test texts, or examples to split at random; got "
              + (train != null ? "train " : "") + (dev != null ? "dev " : "") + (test != null ? "test " : "")
              + (examples != null ? "examples" : "").strip());
    }
    List<Part> parts = splits ? List.of(train, dev, test) : List.of(examples);
    List<String> order = classes;
    if (order == null) {
      TreeSet<String> seen = new TreeSet<>();
      parts.forEach(p -> seen.addAll(p.labels()));
      order = List.copyOf(seen);
    }
    Map<String, Integer> code = new java.util.HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      code.put(order.get(i), i);
    }
    List<String> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.texts()));
    float[][] vectors = (encoder != null ? encoder : TextEncoder.miniLm()).encode(all);
    if (scale) {
      for (int i = 0; i < vectors.length; i++) {
        float[] v = vectors[i];
        double norm = 0;
        for (float x : v) {
          norm += (double) x * x;
        }
        double f = norm > 0 ? Math.sqrt(v.length / norm) : 1;
        float[] scaled = new float[v.length];
        for (int j = 0; j < v.length; j++) {
          scaled[j] = (float) (v[j] * f);
        }
        vectors[i] = scaled;
      }
    }
    Task.Builder b = Task.builder(name).classes(Math.max(2, order.size()));
    int at = 0;
    float[][][] x = new float[parts.size()][][];
    int[][] y = new int[parts.size()][];
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      int n = part.texts().size();
      x[p] = java.util.Arrays.copyOfRange(vectors, at, at + n);
      y[p] = new int[n];
      for (int i = 0; i < n; i++) {
        Integer c = code.get(part.labels().get(i));
        if (c == null) {
          throw new IllegalArgumentException(
              "label '" + part.labels().get(i) + "' of text " + i + " in task '" + name + "' is not among the classes " + order);
        }
        y[p][i] = c;
      }
      at += n;
    }
    if (splits) {
      b = b.train(x[0], y[0]).dev(x[1], y[1]).test(x[2], y[2]);
    } else {
      b = b.split(x[0], y[0], devFraction, testFraction, splitSeed);
    }
    return b.build();
  }

  private Part part(String which, List<String> texts, List<String> labels) {
    Objects.requireNonNull(texts, which + " texts");
    Objects.requireNonNull(labels, which + " labels");
    if (texts.size() != labels.size()) {
      throw new IllegalArgumentException(
          "task '" + name + "' " + which + ": " + texts.size() + " texts but " + labels.size() + " labels");
    }
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("task '" + name + "' " + which + ": no texts; give at least one");
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || labels.get(i) == null) {
        throw new IllegalArgumentException(
            "task '" + name + "' " + which + ": " + (texts.get(i) == null ? "text " : "label ") + i + " is null");
      }
    }
    return new Part(List.copyOf(texts), List.copyOf(labels));
  }

  private void fraction(String which, double f) {
    if (!(f > 0 && f < 1)) {
      throw new IllegalArgumentException(
          which + " fraction " + f + " for task '" + name + "' must be in (0, 1)");
    }
  }
}
