package dev.avil.train;

import dev.avil.results.Metric;
import dev.avil.results.Patience;
import dev.avil.results.Record;
import dev.avil.task.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The one epoch loop. Each epoch the strategy trains; then every task is evaluated on its dev and
 * test splits, and the epoch's records are made and passed to the listener. With a patience, the
 * loop stops early once {@linkplain Patience#wait that many epochs} have passed without a better
 * target accuracy on the selection part of its dev split, but never before that accuracy has left
 * chance (see {@link RunSpec#chanceMargin}): a small target can take more epochs than the patience
 * to start learning, and a run stopped there would report chance.
 *
 * <pre>{@code
 * List<Record> records = EpochLoop.run(spec, new Uniform(), ProgressLog.toStdout());
 * }</pre>
 */
public final class EpochLoop {
  private EpochLoop() {}

  /**
   * Runs {@code spec} with {@code strategy}.
   *
   * @throws RunFailedException if training fails or the thread is interrupted; it carries the
   *     records of the epochs that finished
   */
  public static List<Record> run(RunSpec spec, Strategy strategy, TrainingListener listener) {
    List<Record> records = new ArrayList<>();
    List<String> names = spec.tasks().stream().map(Task::name).toList();
    listener.onRunStart(spec.method(), spec.seed(), spec.epochs(), names);
    long started = System.nanoTime();
    double bestDev = Double.NEGATIVE_INFINITY;
    int bestEpoch = 0;
    try (TrainingRun run = new TrainingRun(spec)) {
      for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new RunFailedException(
              spec.method() + " seed " + spec.seed() + " interrupted before epoch " + epoch,
              records,
              new InterruptedException());
        }
        long t0 = System.nanoTime();
        Strategy.EpochWeights w;
        double[] losses;
        double[][] eval;
        // training and evaluation alike: whatever stops the epoch keeps the epochs before it
        try {
          run.startEpoch(epoch);
          w = strategy.trainEpoch(run);
          losses = run.epochLosses();
          eval = run.evaluateAll(Lanes.count());
        } catch (RuntimeException e) {
          if (interrupted(e)) {
            Thread.currentThread().interrupt();
            throw new RunFailedException(
                spec.method() + " seed " + spec.seed() + " interrupted in epoch " + epoch,
                records,
                interruption(e));
          }
          throw new RunFailedException(
              spec.method()
                  + " seed "
                  + spec.seed()
                  + " failed in epoch "
                  + epoch
                  + ": "
                  + e.getMessage(),
              records,
              e);
        }
        List<Record> epochRecords = new ArrayList<>();
        double targetDev = eval[0][0];
        run.selected(targetDev);
        for (int t = 0; t < names.size(); t++) {
          String task = names.get(t);
          add(epochRecords, spec, epoch, task, Metric.TRAIN_LOSS, losses[t]);
          add(epochRecords, spec, epoch, task, Metric.DEV_ACCURACY, eval[t][0]);
          add(epochRecords, spec, epoch, task, Metric.DEV_LOSS, eval[t][1]);
          add(epochRecords, spec, epoch, task, Metric.TEST_ACCURACY, eval[t][2]);
          add(epochRecords, spec, epoch, task, Metric.TEST_LOSS, eval[t][3]);
          add(epochRecords, spec, epoch, task, Metric.WEIGHT, w.weights()[t]);
          if (w.alphas() != null && !Double.isNaN(w.alphas()[t])) {
            add(epochRecords, spec, epoch, task, Metric.ALPHA, w.alphas()[t]);
          }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        add(epochRecords, spec, epoch, Record.ALL_TASKS, Metric.SECONDS, seconds);
        add(epochRecords, spec, epoch, Record.ALL_TASKS, Metric.TARGET_STEPS, run.targetSteps());
        if (w.alphas() != null) {
          add(
              epochRecords,
              spec,
              epoch,
              Record.ALL_TASKS,
              Metric.SKIPPED_ALPHA_STEPS,
              w.skippedAlphaSteps());
        }
        if (w.skippedSteps().isPresent()) {
          add(
              epochRecords,
              spec,
              epoch,
              Record.ALL_TASKS,
              Metric.SKIPPED_STEPS,
              w.skippedSteps().getAsInt());
        }
        records.addAll(epochRecords);
        double elapsed = (System.nanoTime() - started) / 1e9;
        listener.onEpoch(
            new TrainingListener.EpochProgress(
                spec.method(),
                spec.seed(),
                epoch,
                spec.epochs(),
                names,
                losses,
                targetDev,
                w.weights().clone(),
                w.alphas() == null ? null : w.alphas().clone(),
                seconds,
                elapsed / epoch * (spec.epochs() - epoch)));
        if (targetDev > bestDev) {
          bestDev = targetDev;
          bestEpoch = epoch;
        }
        boolean counts = spec.chanceMargin() == 0 || run.targetHasLeftChance();
        int wait = Patience.wait(spec.patience(), spec.patienceGrowth(), bestEpoch);
        if (wait > 0 && counts && epoch - bestEpoch >= wait) {
          break;
        }
      }
    } finally {
      listener.onRunEnd(spec.method(), spec.seed());
    }
    return records;
  }

  /** Whether {@code e} comes from an interruption of this thread (or of a lane working for it). */
  private static boolean interrupted(Throwable e) {
    return Thread.currentThread().isInterrupted() || interruption(e) != null;
  }

  /**
   * The {@link InterruptedException} in {@code e}'s causes; a fresh one if the flag alone says so.
   */
  private static InterruptedException interruption(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof InterruptedException ie) {
        return ie;
      }
    }
    return Thread.currentThread().isInterrupted() ? new InterruptedException("interrupted") : null;
  }

  private static void add(
      List<Record> out, RunSpec spec, int epoch, String task, Metric m, double v) {
    if (!Double.isNaN(v) || m != Metric.TRAIN_LOSS) {
      out.add(new Record(spec.method(), spec.seed(), epoch, task, m, v));
    }
  }
}
