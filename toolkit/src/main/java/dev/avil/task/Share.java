package dev.avil.task;

/**
 * The share of a set of examples that one part of a random split receives. A builder that splits
 * one set at random ({@link TaskBuilder#split}, {@link TableTaskBuilder#split}, {@link
 * TextTaskBuilder#split}) takes a {@code dev} and a {@code test} share, in either order, so that
 * every number says at the call site which part it is for; the training part gets the rest.
 *
 * <pre>{@code
 * import static dev.avil.task.Share.dev;
 * import static dev.avil.task.Share.test;
 *
 * Task side = Task.builder("side").examples(x, y).split(dev(0.2), test(0.1)).splitSeed(2).build();
 * }</pre>
 *
 * @param part the part that receives the share
 * @param fraction the fraction of the examples, in (0, 1)
 */
public record Share(Part part, double fraction) {
  /** The parts of a random split that take a share; training takes what is left. */
  public enum Part {
    /** The dev split. */
    DEV,
    /** The test split. */
    TEST
  }

  /** Checks that the part is given and the fraction is in (0, 1). */
  public Share {
    if (part == null) {
      throw new IllegalArgumentException("a share needs its part, dev or test; got null");
    }
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          part.name().toLowerCase(java.util.Locale.ROOT)
              + " share "
              + fraction
              + " must be in (0, 1)");
    }
  }

  /**
   * The dev split's share.
   *
   * @param fraction the fraction of the examples, in (0, 1)
   * @return the share
   */
  public static Share dev(double fraction) {
    return new Share(Part.DEV, fraction);
  }

  /**
   * The test split's share.
   *
   * @param fraction the fraction of the examples, in (0, 1)
   * @return the share
   */
  public static Share test(double fraction) {
    return new Share(Part.TEST, fraction);
  }

  @Override
  public String toString() {
    return part.name().toLowerCase(java.util.Locale.ROOT) + "(" + fraction + ")";
  }
}
