package dev.avil.spark;

import dev.avil.api.ComparisonPlan;
import java.io.Serializable;

/**
 * How a setting's comparison plan is built. It is shipped to the executors and called there, once
 * per setting and executor, so that the data is loaded where it is trained (from a path every
 * executor sees, or from files shipped with the job) and never sent through Spark. It must
 * therefore be serialisable: a lambda that captures only plain values (numbers, strings, lists of
 * them), not tasks or experiments.
 *
 * <pre>{@code
 * Plans plans = setting -> Settings.named(setting).epochs(epochs)
 *     .compare(Method.singleTask(), Method.alphaVil()).seeds(1, 2, 3);
 * }</pre>
 */
@FunctionalInterface
public interface Plans extends Serializable {
  /**
   * The plan of {@code setting}. Its methods name the cells' methods; its seeds are the default
   * cells of {@link SparkJob#of(Plans, String...)}.
   */
  ComparisonPlan plan(String setting);
}
