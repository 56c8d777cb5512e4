package dev.avil.api;

/**
 * A run stopped before its last epoch: a non-finite loss, an interruption, or another failure. It
 * carries the results of every epoch that finished, so nothing computed is lost.
 *
 * <pre>{@code
 * try {
 *   experiment.run();
 * } catch (TrainingFailedException e) {
 *   e.partialResults().history();
 * }
 * }</pre>
 */
public final class TrainingFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final transient Results partial;

  TrainingFailedException(String message, Results partial, Throwable cause) {
    super(message, cause);
    this.partial = partial;
  }

  /** The results of the epochs that finished before the failure. */
  public Results partialResults() {
    return partial;
  }
}
