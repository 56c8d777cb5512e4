package dev.avil.results;

/** What a {@link Record} measures. Each has a short identifier used in CSV files. */
public enum Metric {
  /** Mean training loss over the batches the task trained on this epoch (unweighted). */
  TRAIN_LOSS("train_loss"),
  /** Accuracy on the dev split; for the target, on its model-selection part. */
  DEV_ACCURACY("dev_acc"),
  /** Mean loss on the dev split; for the target, on its model-selection part. */
  DEV_LOSS("dev_loss"),
  /** Accuracy on the test split. */
  TEST_ACCURACY("test_acc"),
  /** Mean loss on the test split. */
  TEST_LOSS("test_loss"),
  /**
   * The task's weight at the end of the epoch: what the method learned, and the next epoch uses.
   */
  WEIGHT("weight"),
  /** The task's α found this epoch (αVIL only). */
  ALPHA("alpha"),
  /** Wall-clock seconds of the epoch, evaluation included (task {@code *}). */
  SECONDS("seconds"),
  /** α steps skipped this epoch because the target's dev loss was not finite (task {@code *}). */
  SKIPPED_ALPHA_STEPS("skipped_alpha_steps"),
  /**
   * Joint steps skipped this epoch because the method's rule had no finite answer for them, such as
   * a zero gradient that MGDA would divide by its norm (task {@code *}; only the methods that can
   * skip a step record it).
   */
  SKIPPED_STEPS("skipped_steps"),
  /**
   * Optimizer steps this epoch that used a gradient of the target's loss (task {@code *}): how many
   * target updates the method made, to read beside its accuracy.
   */
  TARGET_STEPS("target_steps");

  private final String id;

  Metric(String id) {
    this.id = id;
  }

  /** The identifier used in CSV files and tables. */
  public String id() {
    return id;
  }

  /** The metric with identifier {@code id}. */
  public static Metric fromId(String id) {
    for (Metric m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown metric '"
            + id
            + "'; accepted: "
            + java.util.Arrays.stream(values()).map(Metric::id).toList());
  }
}
