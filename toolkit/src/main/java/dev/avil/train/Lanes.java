package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.avil.runtime.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Worker threads for training passes that are independent of each other, such as αVIL's per-task
 * passes from the same parameters. Each worker runs PyTorch with one intra-op thread, and there are
 * as many workers as PyTorch threads ({@code ai.djl.pytorch.num_threads}, 2 by default), so the
 * toolkit never uses more cores than that setting allows. On a small network, two passes side by
 * side on one thread each finish sooner than the same passes one after the other on two threads:
 * intra-op parallelism pays little on a batch of 64.
 */
final class Lanes {
  private static final ThreadLocal<Boolean> PREPARED = ThreadLocal.withInitial(() -> false);

  /**
   * Lanes a run on this thread may use; set on a cell's thread so that cells side by side share the
   * budget.
   */
  private static final ThreadLocal<Integer> BUDGET = new ThreadLocal<>();

  private static ExecutorService pool;
  private static int size;

  private Lanes() {}

  /**
   * The number of lanes a run on this thread uses: the PyTorch thread budget, or 1 on a cell's
   * thread ({@link Cells}), where cells side by side share that budget.
   */
  static int count() {
    Integer mine = BUDGET.get();
    return mine != null ? mine : budget();
  }

  /** The PyTorch thread budget: how many one-thread workers the toolkit may keep busy. */
  static synchronized int budget() {
    if (pool == null) {
      DjlRuntime.newManager().close(); // loads the engine, which applies the thread setting
      size =
          Math.max(
              1,
              threadBudget(
                  System.getProperty(
                      "ai.djl.pytorch.num_threads", System.getenv("ai.djl.pytorch.num_threads"))));
      pool =
          Executors.newFixedThreadPool(
              size,
              r -> {
                Thread t = new Thread(r, "avil-lane");
                t.setDaemon(true);
                return t;
              });
    }
    return size;
  }

  static int threadBudget(String setting) {
    try {
      return setting == null ? 1 : Integer.parseInt(setting.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "ai.djl.pytorch.num_threads is '" + setting + "'; it must be a whole number ≥ 1", e);
    }
  }

  /**
   * Runs {@code jobs} side by side, one per worker, and returns their results in order. The first
   * failure is rethrown as it was thrown.
   */
  static <T> List<T> run(List<Callable<T>> jobs) {
    if (jobs.size() > budget()) {
      throw new IllegalArgumentException(jobs.size() + " jobs for " + count() + " lanes");
    }
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> j : jobs) {
      futures.add(
          pool.submit(
              () -> {
                prepare();
                return j.call();
              }));
    }
    List<T> out = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<T> f : futures) {
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = unwrap(e, "a pass");
        }
      } catch (InterruptedException e) {
        // The jobs work on the run's arrays, which the caller frees once this throws: wait for
        // every job to finish first (each is one pass or one evaluation), or a lane reads freed
        // memory and the JVM crashes.
        awaitAll(futures);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while passes were training", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return out;
  }

  /** Makes runs on this thread use {@code lanes} lanes (null: the whole budget). */
  static void limitThisThread(Integer lanes) {
    if (lanes == null) {
      BUDGET.remove();
    } else {
      BUDGET.set(lanes);
    }
  }

  /**
   * Waits until every job is done, ignoring interrupts and failures (both are reported by the
   * caller).
   */
  private static void awaitAll(List<? extends Future<?>> futures) {
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException again) {
          // keep waiting; the caller sets the flag again
        } catch (ExecutionException | java.util.concurrent.CancellationException done) {
          break;
        }
      }
    }
  }

  /**
   * Sets up a worker thread as DJL sets up the thread that starts the engine, grad mode off, but
   * with one intra-op thread. PyTorch keeps the thread count per thread, but a thread takes it from
   * a process-wide default at its first parallel operation, and setting it also sets that default.
   * So: one thread here, a first operation (which would otherwise reset it to the default), one
   * thread again, and a short-lived helper thread puts the default back.
   */
  static void prepare() {
    if (PREPARED.get()) {
      return;
    }
    PREPARED.set(true);
    try (NDManager m = DjlRuntime.newManager()) { // starts the engine if nothing has yet
      JniUtils.setGradMode(false);
      JniUtils.setNumThreads(1);
      try (NDArray a = m.ones(new Shape(1 << 16));
          NDArray b = a.add(a)) {
        b.sum().getFloat();
      }
    }
    JniUtils.setNumThreads(1);
    int all = budget();
    Thread restore = new Thread(() -> JniUtils.setNumThreads(all));
    restore.start();
    try {
      restore.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * What made {@code job} fail: its own unchecked exception, or the checked one wrapped in an
   * {@link IllegalStateException} that names the job.
   */
  static RuntimeException unwrap(ExecutionException e, String job) {
    return e.getCause() instanceof RuntimeException re
        ? re
        : new IllegalStateException(job + " failed: " + e.getCause(), e.getCause());
  }
}
