package dev.avil.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The default listener: one line per epoch, e.g. {@code [αVIL seed 1] epoch 3/10 1.8s dev 0.812
 * loss left=0.61 right=1.42 w left=1.00 right=0.74 α ... ~12s left}.
 */
public final class ProgressLog implements TrainingListener {
  private final PrintStream out;

  /** Logs to {@code out}. */
  public ProgressLog(PrintStream out) {
    this.out = out;
  }

  /** Logs to standard output. */
  public static ProgressLog toStdout() {
    return new ProgressLog(System.out);
  }

  @Override
  public void onEpoch(EpochProgress p) {
    out.println(format(p));
  }

  /** The line printed for {@code p}. */
  public static String format(EpochProgress p) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "[%s seed %d] epoch %d/%d %.1fs dev %.3f loss",
            p.method(),
            p.seed(),
            p.epoch(),
            p.epochs(),
            p.seconds(),
            p.targetDevAccuracy()));
    appendAll(s, p, p.trainLoss());
    s.append(" w");
    appendAll(s, p, p.weights());
    if (p.alphas() != null) {
      s.append(" α");
      appendAll(s, p, p.alphas());
    }
    s.append(String.format(Locale.ROOT, " ~%.0fs left", p.secondsLeft()));
    return s.toString();
  }

  private static void appendAll(StringBuilder s, EpochProgress p, double[] values) {
    for (int t = 0; t < values.length; t++) {
      s.append(String.format(Locale.ROOT, " %s=%.2f", p.tasks().get(t), values[t]));
    }
  }
}
