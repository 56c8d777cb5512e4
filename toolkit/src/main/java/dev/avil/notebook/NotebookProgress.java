package dev.avil.notebook;

import dev.avil.report.Html;
import dev.avil.report.Tables;
import dev.avil.train.ProgressLog;
import dev.avil.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.Table;

/**
 * Training progress as one notebook output that updates in place (a Jupyter display id): the epoch,
 * every task's training loss, weight and α, the target's dev accuracy and the time left. For a
 * comparison, the same output also lists the finished runs. Inside the kernel the toolkit's
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
  private final UpdatingOutput output;
  private final int runs;
  private final List<FinishedRun> finished = new ArrayList<>();
  private final Map<String, Running> running = new LinkedHashMap<>();
  private final long createdNanos = System.nanoTime();
  private int started;

  private record FinishedRun(
      String method, long seed, int epochs, int of, double bestDev, double seconds) {}

  /** A run in progress: a comparison's runs go side by side, so there can be several. */
  private static final class Running {
    final int number;
    final String method;
    final long seed;
    final int epochs;
    final long startNanos = System.nanoTime();
    EpochProgress last;
    double bestDev = Double.NaN;

    Running(int number, String method, long seed, int epochs) {
      this.number = number;
      this.method = method;
      this.seed = seed;
      this.epochs = epochs;
    }

    String name() {
      return String.format(Locale.ROOT, "%s, seed %d", method, seed);
    }
  }

  /**
   * Shows progress on {@code display}.
   *
   * @param display the kernel's display stream
   * @param runs how many runs the listener will hear (1 for {@code run()}, methods × seeds for a
   *     comparison); used for "run k of n" and the time left
   */
  public NotebookProgress(DisplayStream display, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs " + runs + " must be ≥ 1");
    }
    this.output = new UpdatingOutput(display, "avil-progress-");
    this.runs = runs;
  }

  private static String key(String method, long seed) {
    return method + "\u0000" + seed;
  }

  @Override
  public synchronized void onRunStart(String method, long seed, int epochs, List<String> tasks) {
    running.put(key(method, seed), new Running(++started, method, seed, epochs));
    publish();
  }

  @Override
  public synchronized void onEpoch(EpochProgress p) {
    Running r = running.get(key(p.method(), p.seed()));
    if (r == null) {
      return;
    }
    r.last = p;
    r.bestDev =
        Double.isNaN(r.bestDev)
            ? p.targetDevAccuracy()
            : Math.max(r.bestDev, p.targetDevAccuracy());
    publish();
  }

  @Override
  public synchronized void onRunEnd(String method, long seed) {
    Running r = running.remove(key(method, seed));
    if (r == null) {
      return;
    }
    int done = r.last == null ? 0 : r.last.epoch();
    finished.add(new FinishedRun(method, seed, done, r.epochs, r.bestDev, seconds(r.startNanos)));
    lastEnded = r;
    publish();
  }

  private Running lastEnded;

  private void publish() {
    DisplayData data = new DisplayData(text());
    data.putHTML(html());
    output.publish(data);
  }

  /** The output's HTML as it stands: the headline, each running run's epoch, the finished runs. */
  private String html() {
    StringBuilder s = new StringBuilder(Html.style()).append("<div class=\"avil-progress\">");
    for (String line : headlines()) {
      s.append("<p>").append(Html.escape(line)).append("</p>");
    }
    for (Running r : shownRuns()) {
      if (r.last != null) {
        Table t = epochTable(r.last);
        s.append(Html.table(runs > 1 ? t.setName(r.name() + ": " + t.name()) : t));
      }
    }
    if (runs > 1 && !finished.isEmpty()) {
      s.append(Html.table(finishedTable()));
    }
    return s.append("</div>").toString();
  }

  /** The output's plain text: the headlines and each running run's last log line. */
  private String text() {
    StringBuilder s = new StringBuilder(String.join("\n", headlines()));
    for (Running r : shownRuns()) {
      if (r.last != null) {
        s.append('\n').append(ProgressLog.format(r.last));
      }
    }
    return s.toString();
  }

  /** The runs whose epochs the output shows: those running, or the one that ended last. */
  private List<Running> shownRuns() {
    if (!running.isEmpty()) {
      return List.copyOf(running.values());
    }
    return lastEnded == null ? List.of() : List.of(lastEnded);
  }

  /** One line per running run (or about the last one to end), and the total once all ended. */
  private List<String> headlines() {
    List<String> lines = new ArrayList<>();
    for (Running r : running.values()) {
      String prefix = runs > 1 ? String.format(Locale.ROOT, "Run %d of %d: ", r.number, runs) : "";
      if (r.last == null) {
        lines.add(prefix + r.name() + ": starting epoch 1 of " + r.epochs);
      } else {
        lines.add(
            String.format(
                Locale.ROOT,
                "%s%s: epoch %d/%d, target dev accuracy %.3f (best %.3f), ~%s left",
                prefix,
                r.name(),
                r.last.epoch(),
                r.last.epochs(),
                r.last.targetDevAccuracy(),
                r.bestDev,
                duration(secondsLeft(r))));
      }
    }
    if (running.isEmpty() && lastEnded != null) {
      FinishedRun f = finished.get(finished.size() - 1);
      String prefix =
          runs > 1 ? String.format(Locale.ROOT, "Run %d of %d: ", lastEnded.number, runs) : "";
      String end =
          f.epochs() < f.of()
              ? String.format(
                  Locale.ROOT,
                  "stopped after epoch %d of %d, best target dev accuracy %.3f",
                  f.epochs(),
                  f.of(),
                  f.bestDev())
              : String.format(
                  Locale.ROOT,
                  "%d epochs in %s, best target dev accuracy %.3f",
                  f.of(),
                  duration(f.seconds()),
                  f.bestDev());
      String total =
          finished.size() == runs && runs > 1
              ? String.format(
                  Locale.ROOT, " (all %d runs in %s)", runs, duration(seconds(createdNanos)))
              : "";
      lines.add(prefix + lastEnded.name() + ": " + end + total);
    }
    return lines;
  }

  /**
   * Run {@code r}'s own estimate, plus the runs still to start at the mean length of runs so far,
   * shared among the runs going side by side.
   */
  private double secondsLeft(Running r) {
    double currentTotal = seconds(r.startNanos) + r.last.secondsLeft();
    double perRun =
        finished.isEmpty()
            ? currentTotal
            : finished.stream().mapToDouble(FinishedRun::seconds).average().orElse(currentTotal);
    return r.last.secondsLeft() + (double) (runs - started) * perRun / Math.max(1, running.size());
  }

  private static Table epochTable(EpochProgress p) {
    String name =
        String.format(Locale.ROOT, "epoch %d/%d (%.1f s)", p.epoch(), p.epochs(), p.seconds());
    List<Integer> tasks = IntStream.range(0, p.tasks().size()).boxed().toList();
    Tables.Builder<Integer> table =
        Tables.from(name, tasks)
            .text("task", t -> p.tasks().get(t) + (t == 0 ? " (target)" : ""))
            .doubles("train loss", t -> p.trainLoss()[t])
            .doubles("weight", t -> p.weights()[t]);
    return (p.alphas() == null ? table : table.doubles("α", t -> p.alphas()[t])).table();
  }

  private Table finishedTable() {
    return Tables.from("finished runs", finished)
        .text("method", FinishedRun::method)
        .longs("seed", FinishedRun::seed)
        .text("epochs", f -> f.epochs() + "/" + f.of())
        .doubles("best target dev acc", FinishedRun::bestDev)
        .text("time", f -> duration(f.seconds()))
        .table();
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60
        ? s + " s"
        : s < 3600
            ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
            : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
  }
}
