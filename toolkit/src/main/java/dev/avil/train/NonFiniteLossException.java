package dev.avil.train;

/** A task's training loss became NaN or infinite: the run cannot go on. */
public final class NonFiniteLossException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The loss of {@code task} was {@code loss} in {@code epoch}. */
  public NonFiniteLossException(String task, int epoch, double loss) {
    super(
        "training loss of task '"
            + task
            + "' became "
            + loss
            + " in epoch "
            + epoch
            + "; lower the learning rate or the task weights, or check the task's inputs. If it"
            + " comes and goes between runs of the same seed, check this machine's kernels:"
            + " mvn -pl tools exec:java@kernel-check (docs/troubleshooting.md)");
  }
}
