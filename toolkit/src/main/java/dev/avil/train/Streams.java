package dev.avil.train;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams split from one seed, so that drawing more numbers in one concern (say, batch
 * order) never shifts another (say, initialisation).
 *
 * <pre>{@code
 * SplittableRandom init = Streams.of(seed, "init");
 * }</pre>
 */
public final class Streams {
  /** Initial parameter values. */
  public static final String INIT = "init";

  /** Batch order. */
  public static final String BATCHES = "batches";

  /** Which examples a ρ-sample takes (αVIL), so that changing ρ does not reshuffle the batches. */
  public static final String SAMPLES = "samples";

  /**
   * Batch order in the branches a method forks from the same parameters (ForkMerge), so that
   * forking more or fewer branches does not reshuffle the batches.
   */
  public static final String BRANCHES = "branches";

  /**
   * The further batches a method looks at the model on without training on them (Auto-λ's x′,
   * META-TARTAN's dev batches and its fresh heads), so that they never shift the batch order.
   */
  public static final String PROBES = "probes";

  /**
   * A method's own draws, such as the order in which PCGrad projects the tasks' gradients, so that
   * they never shift the batch order.
   */
  public static final String METHOD = "method";

  /**
   * Dropout masks; each pass that a {@code LanePool} runs starts its own from this stream's seed,
   * so that the masks do not depend on which lane ran the pass.
   */
  public static final String DROPOUT = "dropout";

  private Streams() {}

  /** The stream {@code name} of {@code seed}. */
  public static SplittableRandom of(long seed, String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001b3L;
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
  }
}
