package dev.avil.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The encoder of a fine-tuned text setting: its first call computes the {@link TokenStates} of the
 * texts it is given, and each text's vector is its index there, one number, for a {@link
 * MiniLmTrunk} to read. Later calls take only texts of the first. Build its tasks with {@code
 * scaleVectors(false)}: an index is not a direction.
 */
public final class TokenStateEncoder implements TextEncoder {
  private final int frozen;
  private final int maxTokens;
  private final EncodingProgress progress;
  private TokenStates states;
  private Map<String, Integer> index;

  /**
   * An encoder whose states are after the lowest {@code frozen} of MiniLM's layers, each text cut
   * to at most {@code maxTokens} tokens ({@link TokenStates#of(List, int, int, EncodingProgress)}).
   */
  public TokenStateEncoder(int frozen, int maxTokens, EncodingProgress progress) {
    TokenStates.requireFrozen(frozen);
    this.frozen = frozen;
    this.maxTokens = maxTokens;
    this.progress = progress;
  }

  @Override
  public String id() {
    return "minilm-token-states frozen=" + frozen + " max-tokens=" + maxTokens;
  }

  @Override
  public synchronized float[][] encode(List<String> texts) {
    if (states == null) {
      List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
      states = TokenStates.of(distinct, frozen, maxTokens, progress);
      index = new HashMap<>();
      for (int i = 0; i < distinct.size(); i++) {
        index.put(distinct.get(i), i);
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      Integer k = index.get(texts.get(i));
      if (k == null) {
        throw new IllegalArgumentException(
            "text '"
                + texts.get(i)
                + "' was not among the texts this encoder's states were made of");
      }
      out[i] = new float[] {k};
    }
    return out;
  }

  /**
   * The states its first call computed.
   *
   * @throws IllegalStateException before the first call
   */
  public synchronized TokenStates states() {
    if (states == null) {
      throw new IllegalStateException(
          "no texts encoded yet: the states are made by the first call");
    }
    return states;
  }
}
