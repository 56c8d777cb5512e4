package dev.avil.text;

import java.util.List;

/**
 * Turns texts into fixed-length vectors, one row per text, for tasks built from text ({@code
 * Tasks.fromText}).
 *
 * <pre>{@code
 * TextEncoder e = TextEncoder.miniLm();                     // built in, cached on disk
 * float[][] v = e.encode(List.of("Great tea.", "Stale and bitter."));   // 2 × 384
 * }</pre>
 *
 * <p>Any function from texts to vectors can serve: implement {@link #encode} and {@link #id}.
 */
public interface TextEncoder {
  /**
   * What produces the vectors (model, pooling, settings): equal ids must mean equal vectors for
   * equal texts, since cached vectors are keyed by it.
   */
  String id();

  /**
   * One vector per text, in order; every vector has the same length.
   *
   * @throws IllegalArgumentException if a text is null
   */
  float[][] encode(List<String> texts);

  /**
   * all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0): 384 numbers per text, the mean of the
   * last layer's token vectors scaled to length 1, frozen. Texts are cut at 256 word pieces.
   * Vectors are cached on disk in {@link VectorCache#defaultDirectory()} and progress is shown
   * while new texts are encoded.
   */
  static MiniLm miniLm() {
    return MiniLm.DEFAULT;
  }
}
