package dev.avil.train;

import java.util.function.IntFunction;

/**
 * Where progress goes when an experiment has no listener of its own: one process-wide factory,
 * asked once per {@code run()} call for a listener that hears every run of that call (one run for
 * an experiment, methods × seeds for a comparison). Plain Java gets {@link ProgressLog#toStdout()};
 * the notebook extension ({@code dev.avil.notebook}) installs one output that updates in place.
 *
 * <pre>{@code
 * DefaultListener.set(runs -> TrainingListener.silent());   // quiet from now on
 * TrainingListener l = DefaultListener.create(3);           // what a 3-run call would use
 * }</pre>
 */
public final class DefaultListener {
  private static volatile IntFunction<TrainingListener> factory = runs -> ProgressLog.toStdout();

  private DefaultListener() {}

  /**
   * Replaces the factory for the rest of this process.
   *
   * @param newFactory makes a listener, given the number of runs the call will make
   */
  public static void set(IntFunction<TrainingListener> newFactory) {
    if (newFactory == null) {
      throw new IllegalArgumentException(
          "default listener factory must not be null; use runs -> TrainingListener.silent()");
    }
    factory = newFactory;
  }

  /**
   * A listener for one call.
   *
   * @param runs how many runs the call will make
   * @return the factory's listener
   */
  public static TrainingListener create(int runs) {
    TrainingListener l = factory.apply(runs);
    if (l == null) {
      throw new IllegalStateException(
          "the default listener factory returned null for " + runs + " runs");
    }
    return l;
  }
}
