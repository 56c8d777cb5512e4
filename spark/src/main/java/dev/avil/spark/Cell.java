package dev.avil.spark;

import java.io.Serializable;

/**
 * One unit of work of a study: a method trained with one seed in one setting. A Spark job runs one
 * task per cell.
 *
 * <pre>{@code
 * Cell c = new Cell("mnist-negative", "αVIL", 3);
 * }</pre>
 *
 * @param setting the setting's name, which {@link Plans} turns into a comparison plan
 * @param method the method's name as the plan names it (and as the results record it)
 * @param seed the seed
 */
public record Cell(String setting, String method, long seed) implements Serializable {
  /** Checks that the names are given. */
  public Cell {
    if (setting == null || setting.isBlank() || method == null || method.isBlank()) {
      throw new IllegalArgumentException(
          "a cell needs a setting and a method name, got setting '"
              + setting
              + "' and method '"
              + method
              + "'");
    }
  }

  @Override
  public String toString() {
    return setting + " / " + method + " / seed " + seed;
  }
}
