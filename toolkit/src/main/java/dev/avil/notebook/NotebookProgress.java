package dev.avil.notebook;

import dev.avil.report.Html;
import dev.avil.train.ProgressLog;
import dev.avil.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Training progress as one notebook output that updates in place (a Jupyter display id): the
 * epoch, every task's training loss, weight and α, the target's dev accuracy and the time left.
 * For a comparison, the same output also lists the finished runs. Inside the kernel the toolkit's
 * extension makes it the default listener, so {@code run()} shows it without any setup; it can also
 * be given explicitly.
 *
 * <pre>{@code
 * Results r = Experiment.target(left).aux(right)
 *     .listener(new NotebookProgress(BaseKernel.notebookKernel().getIO().display, 1))
 *     .run();
 * }</pre>
 */
public final class NotebookProgress implements TrainingListener {
  private final DisplayStream display;
  private final int runs;
  private final String displayId = "avil-progress-" + UUID.randomUUID();
  private final List<FinishedRun> finished = new ArrayList<>();
  private final long createdNanos = System.nanoTime();
  private boolean shown;
  private int run;
  private String method;
  private long seed;
  private int epochs;
  private long runStartNanos;
  private EpochProgress last;
  private double bestDev;

  private record FinishedRun(String method, long seed, int epochs, int of, double bestDev, double seconds) {}

  /**
   * Shows progress on {@code display}.
   *
   * @param display the kernel's display stream
   * @param runs how many runs the listener will hear (1 for {@code run()}, methods × seeds for a
   *     comparison); used for "run k of n" and the time left
   */
  public NotebookProgress(DisplayStream display, int runs) {
    if (display == null) {
      throw new IllegalArgumentException("display stream must not be null; use the kernel's getIO().display");
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs " + runs + " must be ≥ 1");
    }
    this.display = display;
    this.runs = runs;
  }

  @Override
  public synchronized void onRunStart(String method, long seed, int epochs, List<String> tasks) {
    run++;
    this.method = method;
    this.seed = seed;
    this.epochs = epochs;
    this.runStartNanos = System.nanoTime();
    this.last = null;
    this.bestDev = Double.NaN;
    publish();
  }

  @Override
  public synchronized void onEpoch(EpochProgress p) {
    last = p;
    bestDev = Double.isNaN(bestDev) ? p.targetDevAccuracy() : Math.max(bestDev, p.targetDevAccuracy());
    publish();
  }

  @Override
  public synchronized void onRunEnd(String method, long seed) {
    int done = last == null ? 0 : last.epoch();
    finished.add(new FinishedRun(method, seed, done, epochs, bestDev, seconds(runStartNanos)));
    publish();
  }

  private void publish() {
    DisplayData data = new DisplayData(text());
    data.putHTML(html());
    // After an interrupt the thread's flag is set, and the kernel's message socket refuses to
    // send from an interrupted thread (EINTR); the last update must still go out, and the flag
    // must stay set for the training to stop.
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

  /** The output's HTML as it stands. */
  private String html() {
    StringBuilder s = new StringBuilder(Html.style()).append("<div class=\"avil-progress\"><p>")
        .append(Html.escape(headline())).append("</p>");
    if (last != null) {
      s.append(Html.table(epochTable(last)));
    }
    if (runs > 1 && !finished.isEmpty()) {
      s.append(Html.table(finishedTable()));
    }
    return s.append("</div>").toString();
  }

  /** The output's plain text: the headline and, once an epoch ended, the epoch's log line. */
  private String text() {
    return headline() + (last == null ? "" : "\n" + ProgressLog.format(last));
  }

  private String headline() {
    String prefix = runs > 1 ? String.format(Locale.ROOT, "Run %d of %d: ", run, runs) : "";
    String current = String.format(Locale.ROOT, "%s, seed %d", method, seed);
    if (finished.size() == run) {
      FinishedRun f = finished.get(finished.size() - 1);
      String end = f.epochs() < f.of()
          ? String.format(Locale.ROOT, "stopped after epoch %d of %d", f.epochs(), f.of())
          : String.format(Locale.ROOT, "%d epochs in %s, best target dev accuracy %.3f", f.of(), duration(f.seconds()), f.bestDev());
      String total = run == runs && runs > 1 ? String.format(Locale.ROOT, " (all %d runs in %s)", runs, duration(seconds(createdNanos))) : "";
      return prefix + current + ": " + end + total;
    }
    if (last == null) {
      return prefix + current + ": starting epoch 1 of " + epochs;
    }
    return String.format(Locale.ROOT, "%s%s: epoch %d/%d, target dev accuracy %.3f (best %.3f), ~%s left",
        prefix, current, last.epoch(), last.epochs(), last.targetDevAccuracy(), bestDev, duration(secondsLeft()));
  }

  /** The current run's estimate, plus the runs still to start at the mean length of runs so far. */
  private double secondsLeft() {
    double currentTotal = seconds(runStartNanos) + last.secondsLeft();
    double perRun = finished.isEmpty()
        ? currentTotal
        : finished.stream().mapToDouble(FinishedRun::seconds).average().orElse(currentTotal);
    return last.secondsLeft() + (runs - run) * perRun;
  }

  private static Table epochTable(EpochProgress p) {
    StringColumn task = StringColumn.create("task");
    DoubleColumn loss = DoubleColumn.create("train loss");
    DoubleColumn weight = DoubleColumn.create("weight");
    DoubleColumn alpha = DoubleColumn.create("α");
    for (int t = 0; t < p.tasks().size(); t++) {
      task.append(p.tasks().get(t) + (t == 0 ? " (target)" : ""));
      loss.append(p.trainLoss()[t]);
      weight.append(p.weights()[t]);
      alpha.append(p.alphas() == null ? Double.NaN : p.alphas()[t]);
    }
    Table table = Table.create(String.format(Locale.ROOT, "epoch %d/%d (%.1f s)", p.epoch(), p.epochs(), p.seconds()), task, loss, weight);
    return p.alphas() == null ? table : table.addColumns(alpha);
  }

  private Table finishedTable() {
    StringColumn m = StringColumn.create("method");
    LongColumn s = LongColumn.create("seed");
    StringColumn e = StringColumn.create("epochs");
    DoubleColumn dev = DoubleColumn.create("best target dev acc");
    StringColumn time = StringColumn.create("time");
    for (FinishedRun f : finished) {
      m.append(f.method());
      s.append(f.seed());
      e.append(f.epochs() + "/" + f.of());
      dev.append(f.bestDev());
      time.append(duration(f.seconds()));
    }
    return Table.create("finished runs", m, s, e, dev, time);
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
  }
}
