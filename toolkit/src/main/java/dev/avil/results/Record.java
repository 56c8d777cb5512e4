package dev.avil.results;

/**
 * One measurement: the long-format row that every table and plot is a view of.
 *
 * @param method the method's name
 * @param seed the run's seed
 * @param epoch the epoch, from 1
 * @param task the task's name, or {@code *} for a measurement of the whole epoch
 * @param metric what was measured
 * @param value the value
 */
public record Record(String method, long seed, int epoch, String task, Metric metric, double value)
    implements java.io.Serializable {
  /** The task name of whole-epoch measurements. */
  public static final String ALL_TASKS = "*";
}
