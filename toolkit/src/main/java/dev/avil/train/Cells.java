package dev.avil.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent runs, the cells of a comparison or a study (method × seed), side by side. Each cell
 * runs on a thread of its own with one PyTorch thread and one lane, so a cell's numbers do not
 * depend on how many cells run beside it: {@code run(cells, 1)} and {@code run(cells, 2)} give the
 * same results. As many cells run at once as the PyTorch thread budget allows ({@code
 * ai.djl.pytorch.num_threads}, 2 by default): on small networks, two one-thread runs side by side
 * finish sooner than the same runs one after the other on two threads. Given each cell's expected
 * cost, cells side by side start costliest first, so that the cheap ones fill the end instead of a
 * costly one running alone.
 *
 * <pre>{@code
 * List<Results> done = Cells.run(List.of(() -> runA(), () -> runB()), Cells.parallelism(2));
 * }</pre>
 */
public final class Cells {
  private Cells() {}

  /**
   * The lanes a run started on this thread uses: 1 in a cell, else the thread budget. A run's
   * numbers depend on it, so results record it.
   */
  public static int lanes() {
    return Lanes.count();
  }

  /** How many of {@code cells} cells to run at once: the thread budget, at most one per cell. */
  public static int parallelism(int cells) {
    return Math.max(1, Math.min(cells, Lanes.budget()));
  }

  /**
   * The expected cost of a cell, for {@link #run(List, double[], int)}: a run that trains the
   * auxiliary tasks costs more than one that trains the target alone (in the αVIL settings a
   * single-task epoch is a fifth of a uniform one or less), so multitask cells start first.
   */
  public static double cost(boolean trainsAuxiliaries) {
    return trainsAuxiliaries ? 1 : 0;
  }

  /** {@link #run(List, double[], int)} with every cell expected to cost the same. */
  public static <T> List<T> run(List<Callable<T>> cells, int parallel) {
    return run(cells, new double[cells.size()], parallel);
  }

  /**
   * Runs every cell, at most {@code parallel} at once, and returns their results in order. When
   * more than one runs at once, they start in order of {@code cost}, highest first (ties in the
   * given order); one at a time, they run in the given order. Costs need only rank the cells. A
   * cell that throws does not stop the others; the first exception is rethrown once all have
   * finished. If the calling thread is interrupted, the running cells are interrupted too (a run
   * stops at its next epoch, keeping what it finished) and the cells not yet started are left out:
   * their result is null. The caller's interrupt flag is then set again.
   */
  public static <T> List<T> run(List<Callable<T>> cells, double[] cost, int parallel) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel cells " + parallel + " must be ≥ 1");
    }
    if (cost.length != cells.size()) {
      throw new IllegalArgumentException(
          cost.length + " costs for " + cells.size() + " cells; give one cost per cell");
    }
    Integer[] start = new Integer[cells.size()];
    for (int i = 0; i < start.length; i++) {
      start[i] = i;
    }
    if (parallel > 1) {
      Arrays.sort(start, Comparator.comparingDouble((Integer i) -> -cost[i]));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallel, Math.max(1, cells.size())),
            r -> {
              Thread t = new Thread(r, "avil-cell");
              t.setDaemon(true);
              return t;
            });
    List<Future<T>> futures = new ArrayList<>(Collections.nCopies(cells.size(), null));
    java.util.concurrent.atomic.AtomicBoolean stopping =
        new java.util.concurrent.atomic.AtomicBoolean();
    for (int i : start) {
      Callable<T> c = cells.get(i);
      futures.set(
          i,
          pool.submit(
              () -> {
                Lanes.prepare();
                Lanes.limitThisThread(1);
                try {
                  return c.call();
                } finally {
                  if (!stopping.get()) {
                    Thread
                        .interrupted(); // an interrupt one cell gave itself does not stop the next
                  }
                }
              }));
    }
    pool.shutdown();
    boolean interrupted = false;
    RuntimeException failure = null;
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      T value = null;
      while (true) {
        try {
          value = f.get();
          break;
        } catch (InterruptedException e) {
          if (!interrupted) {
            interrupted = true;
            stopping.set(true);
            // interrupts the running cells; the queued ones never start
            pool.shutdownNow().forEach(queued -> ((Future<?>) queued).cancel(false));
          }
        } catch (java.util.concurrent.CancellationException e) {
          break;
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = Lanes.unwrap(e, "a cell");
          }
          break;
        }
      }
      out.add(value);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    return out;
  }
}
