package dev.avil.notebook;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * One notebook output that is shown once and then updated in place (a Jupyter display id): what the
 * live progress outputs are written to.
 */
final class UpdatingOutput {
  private final DisplayStream display;
  private final String displayId;
  private boolean shown;

  /** An output on {@code display}, its id starting with {@code prefix}. */
  UpdatingOutput(DisplayStream display, String prefix) {
    if (display == null) {
      throw new IllegalArgumentException(
          "display stream must not be null; use the kernel's getIO().display");
    }
    this.display = display;
    this.displayId = prefix + UUID.randomUUID();
  }

  /** Whether the output has been shown yet. */
  boolean shown() {
    return shown;
  }

  /**
   * Shows {@code data} the first time, then replaces it. After an interrupt the thread's flag is
   * set, and the kernel's message socket refuses to send from an interrupted thread (EINTR); the
   * last update must still go out, and the flag must stay set for the training to stop.
   */
  void publish(DisplayData data) {
    boolean interrupted = Thread.interrupted();
    try {
      if (shown) {
        display.updateDisplay(displayId, data);
      } else {
        data.setDisplayId(displayId);
        display.display(data);
        shown = true;
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
