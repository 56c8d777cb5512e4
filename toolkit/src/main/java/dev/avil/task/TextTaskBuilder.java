package dev.avil.task;

import dev.avil.text.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds a task from texts and their labels; {@link #build()} encodes every text with the {@link
 * TextEncoder} (by default the built-in {@link TextEncoder#miniLm()}, cached on disk) and the
 * task's inputs are the vectors. Immutable: every step returns a new builder. Start one with {@link
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
 *     .split(dev(0.1), test(0.1)).splitSeed(7)
 *     .build();
 * }</pre>
 *
 * <p>Labels are strings; their classes are numbered in the order given by {@link #classes}, or else
 * in sorted order.
 *
 * <p>By default every vector is scaled to length √d (d numbers per vector), so that its numbers are
 * about 1 in size: sentence encoders give vectors of length 1, whose numbers (about 0.05 for
 * MiniLM's 384) are too small for an MLP trunk at the default learning rate to learn from in a few
 * epochs. Directions, and so cosine similarities, are unchanged. {@link #scaleVectors} turns it
 * off.
 */
public final class TextTaskBuilder {
  private record Part(List<String> texts, List<String> labels) {}

  /** The texts given so far: train, dev and test, or examples to split at random. */
  private record Parts(Part train, Part dev, Part test, Part examples) {}

  private final String name;
  private final Parts parts;
  private final RandomSplit split;
  private final Encoding encoding;

  /** How texts and labels become numbers: the class order, the encoder, and the scaling. */
  private record Encoding(List<String> classes, TextEncoder encoder, boolean scale) {}

  private TextTaskBuilder(String name, Parts parts, RandomSplit split, Encoding encoding) {
    this.name = name;
    this.parts = parts;
    this.split = split;
    this.encoding = encoding;
  }

  static TextTaskBuilder named(String name) {
    return new TextTaskBuilder(
        Task.requireName(name),
        new Parts(null, null, null, null),
        RandomSplit.DEFAULT,
        new Encoding(null, null, true));
  }

  private TextTaskBuilder with(Parts p) {
    return new TextTaskBuilder(name, p, split, encoding);
  }

  /** The training texts and their labels. */
  public TextTaskBuilder train(List<String> texts, List<String> labels) {
    Parts p = parts;
    return with(new Parts(part("train", texts, labels), p.dev(), p.test(), p.examples()));
  }

  /** The dev texts and their labels. */
  public TextTaskBuilder dev(List<String> texts, List<String> labels) {
    Parts p = parts;
    return with(new Parts(p.train(), part("dev", texts, labels), p.test(), p.examples()));
  }

  /** The test texts and their labels. */
  public TextTaskBuilder test(List<String> texts, List<String> labels) {
    Parts p = parts;
    return with(new Parts(p.train(), p.dev(), part("test", texts, labels), p.examples()));
  }

  /** One set of texts and labels to split at random ({@link #split}), instead of train/dev/test. */
  public TextTaskBuilder examples(List<String> texts, List<String> labels) {
    Parts p = parts;
    return with(new Parts(p.train(), p.dev(), p.test(), part("examples", texts, labels)));
  }

  /** The {@link Share}s of dev and test, in either order. Default {@code dev(0.2), test(0.2)}. */
  public TextTaskBuilder split(Share a, Share b) {
    return new TextTaskBuilder(name, parts, split.shares(a, b), encoding);
  }

  /** The seed of the random split of {@link #examples}. Default 1. */
  public TextTaskBuilder splitSeed(long seed) {
    return new TextTaskBuilder(name, parts, split.seed(seed), encoding);
  }

  /** The class labels in the order of their class numbers (0, 1, ...). Default: sorted. */
  public TextTaskBuilder classes(String... labels) {
    List<String> c = List.of(labels);
    if (c.size() < 2 || new TreeSet<>(c).size() != c.size()) {
      throw new IllegalArgumentException(
          "classes " + c + " for task '" + name + "' must be at least 2 distinct labels");
    }
    Encoding e = encoding;
    return new TextTaskBuilder(name, parts, split, new Encoding(c, e.encoder(), e.scale()));
  }

  /** The encoder of the texts. Default: {@link TextEncoder#miniLm()}. */
  public TextTaskBuilder encoder(TextEncoder e) {
    if (e == null) {
      throw new IllegalArgumentException("task '" + name + "': the encoder must not be null");
    }
    Encoding old = encoding;
    return new TextTaskBuilder(name, parts, split, new Encoding(old.classes(), e, old.scale()));
  }

  /** Whether vectors are scaled to length √d (see the class comment). Default true. */
  public TextTaskBuilder scaleVectors(boolean on) {
    Encoding e = encoding;
    return new TextTaskBuilder(name, parts, split, new Encoding(e.classes(), e.encoder(), on));
  }

  /**
   * Encodes every text (one call to the encoder, so one progress bar) and builds the task.
   *
   * @throws IllegalArgumentException if neither train, dev and test nor examples were given, both
   *     were, or a label is not among {@link #classes}
   */
  public Task build() {
    Parts g = parts;
    TaskBuilder.checkParts(name, "texts", g.train(), g.dev(), g.test(), g.examples());
    boolean splits = g.examples() == null;
    List<Part> given = splits ? List.of(g.train(), g.dev(), g.test()) : List.of(g.examples());
    List<String> order = encoding.classes();
    if (order == null) {
      TreeSet<String> seen = new TreeSet<>();
      given.forEach(p -> seen.addAll(p.labels()));
      order = List.copyOf(seen);
    }
    Map<String, Integer> code = new java.util.HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      code.put(order.get(i), i);
    }
    List<String> all = new ArrayList<>();
    given.forEach(p -> all.addAll(p.texts()));
    TextEncoder encoder = encoding.encoder() != null ? encoding.encoder() : TextEncoder.miniLm();
    float[][] vectors = encoder.encode(all);
    if (encoding.scale()) {
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
    TaskBuilder b = Task.builder(name).classes(Math.max(2, order.size()));
    int at = 0;
    float[][][] x = new float[given.size()][][];
    int[][] y = new int[given.size()][];
    for (int p = 0; p < given.size(); p++) {
      Part part = given.get(p);
      int n = part.texts().size();
      x[p] = java.util.Arrays.copyOfRange(vectors, at, at + n);
      y[p] = new int[n];
      for (int i = 0; i < n; i++) {
        Integer c = code.get(part.labels().get(i));
        if (c == null) {
          throw new IllegalArgumentException(
              "label '"
                  + part.labels().get(i)
                  + "' of text "
                  + i
                  + " in task '"
                  + name
                  + "' is not among the classes "
                  + order);
        }
        y[p][i] = c;
      }
      at += n;
    }
    if (splits) {
      b = b.train(x[0], y[0]).dev(x[1], y[1]).test(x[2], y[2]);
    } else {
      b = b.examples(x[0], y[0]).withSplit(split);
    }
    return b.build();
  }

  private Part part(String which, List<String> texts, List<String> labels) {
    if (texts == null || labels == null) {
      throw new IllegalArgumentException(
          "task '" + name + "': " + which + " texts and labels must not be null");
    }
    if (texts.size() != labels.size()) {
      throw Task.problem(
          name, which + ": " + texts.size() + " texts but " + labels.size() + " labels");
    }
    if (texts.isEmpty()) {
      throw Task.problem(name, which + ": no texts; give at least one");
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || labels.get(i) == null) {
        throw Task.problem(
            name, which + ": " + (texts.get(i) == null ? "text " : "label ") + i + " is null");
      }
    }
    return new Part(List.copyOf(texts), List.copyOf(labels));
  }
}
