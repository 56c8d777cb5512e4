package dev.avil.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.avil.model.BertEncoder;
import dev.avil.model.OnnxWeights;
import dev.avil.runtime.DjlRuntime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The token states of texts after MiniLM's lowest layers, held fixed in half precision, one ragged
 * row of tokens × 384 per text: what the trainable top layers of a {@link MiniLmTrunk} read. A
 * task's example is the index of its text here. Computed once, in batches of similar length, and
 * kept on disk for the next process ({@link TokenStateCache}); runs side by side read them without
 * copying.
 */
public final class TokenStates {
  /** MiniLM's encoder layers, attention heads and width. */
  static final int LAYERS = 6;

  static final int HEADS = 12;
  private static final int WIDTH = 384;

  private static volatile Map<String, OnnxWeights.Tensor> weights;

  private final int frozen;
  private final short[][] states;

  private TokenStates(int frozen, short[][] states) {
    this.frozen = frozen;
    this.states = states;
  }

  /** MiniLM's weights, read once per process from the shipped ONNX file. */
  static Map<String, OnnxWeights.Tensor> weights() {
    Map<String, OnnxWeights.Tensor> w = weights;
    if (w == null) {
      synchronized (TokenStates.class) {
        w = weights;
        if (w == null) {
          w = OnnxWeights.read(OnnxMiniLm.modelBytes());
          weights = w;
        }
      }
    }
    return w;
  }

  /**
   * The states of {@code texts} after the lowest {@code frozen} of MiniLM's 6 layers (0: after the
   * embeddings), each text tokenised as the sentence encoder does (at most 256 tokens).
   *
   * @throws IllegalArgumentException unless 0 ≤ frozen ≤ 5
   */
  public static TokenStates of(List<String> texts, int frozen, EncodingProgress progress) {
    return of(texts, frozen, MiniLm.MAX_TOKENS, progress);
  }

  /**
   * The same, each text cut to at most {@code maxTokens} tokens (its first {@code maxTokens − 1}
   * and the closing separator): the top layers' cost grows with the square of the longest text in a
   * batch.
   *
   * @throws IllegalArgumentException unless 0 ≤ frozen ≤ 5 and 2 ≤ maxTokens ≤ 256
   */
  public static TokenStates of(
      List<String> texts, int frozen, int maxTokens, EncodingProgress progress) {
    if (maxTokens < 2 || maxTokens > MiniLm.MAX_TOKENS) {
      throw new IllegalArgumentException(
          "max tokens " + maxTokens + " must be in [2, " + MiniLm.MAX_TOKENS + "]");
    }
    requireFrozen(frozen);
    Path file = TokenStateCache.file(OnnxMiniLm.get().id, texts, frozen, maxTokens);
    short[][] cached = TokenStateCache.read(file, texts.size());
    if (cached != null) {
      return new TokenStates(frozen, cached);
    }
    TokenStates computed = new TokenStates(frozen, compute(texts, frozen, maxTokens, progress));
    TokenStateCache.write(file, computed.states);
    return computed;
  }

  private static short[][] compute(
      List<String> texts, int frozen, int maxTokens, EncodingProgress progress) {
    long start = System.nanoTime();
    Encoding[] enc = OnnxMiniLm.get().tokenize(texts);
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Integer.compare(enc[a].getIds().length, enc[b].getIds().length));
    short[][] out = new short[texts.size()][];
    try (NDManager manager = DjlRuntime.newManager();
        BertEncoder encoder = BertEncoder.of(manager, weights(), HEADS, DataType.FLOAT32)) {
      progress.update(0, texts.size(), 0);
      for (int from = 0; from < order.length; from += MiniLm.BATCH) {
        int to = Math.min(order.length, from + MiniLm.BATCH);
        Encoding[] part = new Encoding[to - from];
        for (int k = from; k < to; k++) {
          part[k - from] = enc[order[k]];
        }
        OnnxMiniLm.Batch b = OnnxMiniLm.Batch.of(part, maxTokens);
        float[] h;
        try (NDManager scope = manager.newSubManager()) {
          h =
              encoder
                  .forward(
                      new ParameterStore(scope, false),
                      scope.create(b.ids(), new Shape(b.size(), b.tokens())),
                      encoder.additiveMask(scope, b.mask(), b.size(), b.tokens()),
                      frozen)
                  .toFloatArray();
        }
        for (int k = 0; k < part.length; k++) {
          int n = Math.min(maxTokens, part[k].getIds().length);
          short[] row = new short[n * WIDTH];
          for (int j = 0; j < row.length; j++) {
            row[j] = Half.of(h[k * b.tokens() * WIDTH + j]);
          }
          out[order[from + k]] = row;
        }
        progress.update(to, texts.size(), (System.nanoTime() - start) / 1e9);
      }
    }
    return out;
  }

  /**
   * Checks that {@code frozen} of MiniLM's layers leave one to train.
   *
   * @throws IllegalArgumentException unless 0 ≤ frozen ≤ 5
   */
  static void requireFrozen(int frozen) {
    if (frozen < 0 || frozen >= LAYERS) {
      throw new IllegalArgumentException(
          "frozen layers "
              + frozen
              + " must be in [0, "
              + (LAYERS - 1)
              + "]: one layer must train");
    }
  }

  /** How many of MiniLM's layers these states are after. */
  public int frozenLayers() {
    return frozen;
  }

  /** The number of texts. */
  public int size() {
    return states.length;
  }

  /** The number of tokens of text {@code i}. */
  public int tokens(int i) {
    return states[i].length / WIDTH;
  }

  /** The features of a task's examples: each the index of its text, as one number. */
  public static float[][] rows(int[] texts) {
    float[][] x = new float[texts.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new float[] {texts[i]};
    }
    return x;
  }

  /** {@link #gather(int[], ByteBuffer)} into a buffer of its own. */
  Padded gather(int[] which) {
    return gather(which, null);
  }

  /**
   * The states of texts {@code which}, padded with zeros to the longest: IEEE half-precision values
   * [texts × tokens × 384], row-major in native byte order, in {@code into} if it is large enough
   * (otherwise in a new direct buffer), and the attention mask [texts × tokens], 1 for a real
   * token.
   */
  Padded gather(int[] which, ByteBuffer into) {
    int t = 0;
    for (int i : which) {
      if (i < 0 || i >= states.length) {
        throw new IllegalArgumentException(
            "text index " + i + " is not in [0, " + states.length + ")");
      }
      t = Math.max(t, tokens(i));
    }
    int bytes = which.length * t * WIDTH * Short.BYTES;
    ByteBuffer b =
        into != null && into.capacity() >= bytes
            ? into
            : ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    b.clear().limit(bytes);
    ShortBuffer halves = b.order(ByteOrder.nativeOrder()).asShortBuffer();
    long[] mask = new long[which.length * t];
    for (int k = 0; k < which.length; k++) {
      short[] row = states[which[k]];
      halves.put(row);
      for (int j = row.length; j < t * WIDTH; j++) {
        halves.put((short) 0); // a reused buffer holds the last batch's states here
      }
      Arrays.fill(mask, k * t, k * t + tokens(which[k]), 1);
    }
    return new Padded(which.length, t, b, mask);
  }

  /**
   * A padded batch of states.
   *
   * @param size texts
   * @param tokens tokens of each, padding included
   * @param halves the states in half precision, [size × tokens × 384]
   * @param mask 1 for a real token, 0 for padding, [size × tokens]
   */
  record Padded(int size, int tokens, ByteBuffer halves, long[] mask) {}

  /** IEEE half precision, by hand: Java 17 has no conversion of its own. */
  static final class Half {
    private Half() {}

    /** {@code f} rounded to the nearest half-precision value (ties away from zero). */
    static short of(float f) {
      int sign = (Float.floatToIntBits(f) >>> 16) & 0x8000;
      float a = Math.abs(f);
      if (Float.isNaN(f)) {
        return (short) (sign | 0x7e00);
      }
      if (a < 0x1p-14f) { // subnormal: whole units of 2^-24
        return (short) (sign | Math.round(a * 0x1p24f));
      }
      int e = Math.getExponent(a);
      int m = e > 15 ? 0 : Math.round((Math.scalb(a, -e) - 1f) * 1024f);
      if (m == 1024) {
        m = 0;
        e++;
      }
      if (e > 15) {
        return (short) (sign | 0x7c00);
      }
      return (short) (sign | ((e + 15) << 10) | m);
    }
  }
}
