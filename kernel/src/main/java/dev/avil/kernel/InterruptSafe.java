package dev.avil.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs output to the notebook with the thread's interrupt flag cleared, and sets it again after.
 * The kernel's message socket refuses to send from an interrupted thread (EINTR), but a cell that
 * was interrupted must still be able to print or display what it has, and must still see the flag.
 */
final class InterruptSafe {

  private InterruptSafe() {}

  /** Runs {@code action} with the interrupt flag cleared, then restores it. */
  static void run(Runnable action) {
    boolean interrupted = Thread.interrupted();
    try {
      action.run();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * A print stream that writes to {@code target} with the interrupt flag cleared around each write.
   */
  static PrintStream printStream(PrintStream target) {
    OutputStream guarded =
        new OutputStream() {
          @Override
          public void write(int b) {
            run(() -> target.write(b));
          }

          @Override
          public void write(byte[] b, int off, int len) {
            run(() -> target.write(b, off, len));
          }

          @Override
          public void flush() throws IOException {
            run(target::flush);
          }
        };
    return new PrintStream(guarded, true, StandardCharsets.UTF_8);
  }
}
