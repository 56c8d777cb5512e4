package dev.avil.spark;

import ai.djl.pytorch.jni.JniUtils;
import dev.avil.api.ComparisonPlan;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.api.TrainingFailedException;
import dev.avil.runtime.DjlRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;

/**
 * What one Spark task does on an executor: it trains one cell with the toolkit and returns a {@link
 * CellResult}.
 *
 * <p>Faults are split in two. A failure inside the run (a non-finite loss, a bad option, any {@link
 * RuntimeException}) is the cell's own: retrying it would fail again, so it is caught here and
 * returned as a failed cell, and Spark never sees it. Anything else (the executor dies, runs out of
 * memory, loses its connection) fails the task, and Spark retries it elsewhere, up to {@code
 * spark.task.maxFailures}.
 *
 * <p>Threads: unless {@code ai.djl.pytorch.num_threads} is set (as a system property or an
 * environment variable of that name), the first cell in an executor JVM sets it to the task's CPUs
 * ({@code spark.task.cpus}, 1 by default) before PyTorch starts. The setting is read once per JVM,
 * so it is the same for every cell the executor runs, and each cell reports it.
 *
 * <p>Data: unless {@code avil.mnist.dir} / {@code AVIL_MNIST_DIR} (or {@code avil.fashion.dir} /
 * {@code AVIL_FASHION_DIR}) is set, a folder shipped with the job as {@code --archives FILE#mnist}
 * (or {@code #fashion-mnist}) is used.
 */
final class CellTask {
  private static final String THREADS = "ai.djl.pytorch.num_threads";

  /** Plans by setting, for the job that built them; a new job replaces them. */
  private static final Map<String, ComparisonPlan> PLANS = new ConcurrentHashMap<>();

  private static String plansJob = "";

  private CellTask() {}

  /**
   * Trains {@code cell} of job {@code jobId}; a failure inside the run comes back as a failed cell.
   */
  static CellResult run(String jobId, Plans plans, Cell cell) {
    int threads = configureThreads();
    useShippedData("mnist", "avil.mnist.dir", "AVIL_MNIST_DIR");
    useShippedData("fashion-mnist", "avil.fashion.dir", "AVIL_FASHION_DIR");
    String executor = SparkEnv.get() == null ? "in-process" : SparkEnv.get().executorId();
    int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
    ComparisonPlan plan;
    Method method;
    try {
      plan = plan(jobId, plans, cell.setting());
      method =
          plan.methods().stream()
              .filter(m -> m.name().equals(cell.method()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the plan of setting '"
                              + cell.setting()
                              + "' has no method '"
                              + cell.method()
                              + "'; its methods are "
                              + plan.methods().stream().map(Method::name).toList()));
    } catch (RuntimeException e) {
      return new CellResult(
          cell, List.of(), Map.of(), "cannot build the plan: " + e, 0, threads, executor, attempt);
    }
    long t0 = System.nanoTime();
    // PyTorch's grad mode is per thread and on by default; the toolkit expects it off outside its
    // own gradient sections, as DJL leaves it on the thread that starts the engine. A Spark task
    // thread is not that thread, so it is turned off here for the run.
    DjlRuntime.newManager()
        .close(); // starts PyTorch, with the thread setting above, before JniUtils
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      Results r = plan.experiment().seed(cell.seed()).method(method).run();
      return new CellResult(
          cell, r.records(), r.config(), null, seconds(t0), threads, executor, attempt);
    } catch (TrainingFailedException e) {
      Results partial = e.partialResults();
      return new CellResult(
          cell,
          partial.records(),
          partial.config(),
          e.getMessage(),
          seconds(t0),
          threads,
          executor,
          attempt);
    } catch (RuntimeException e) {
      return new CellResult(
          cell, List.of(), Map.of(), e.toString(), seconds(t0), threads, executor, attempt);
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static synchronized ComparisonPlan plan(String jobId, Plans plans, String setting) {
    if (!plansJob.equals(jobId)) {
      PLANS.clear(); // another job's data: let it go
      plansJob = jobId;
    }
    return PLANS.computeIfAbsent(setting, plans::plan);
  }

  private static synchronized int configureThreads() {
    String set = System.getProperty(THREADS, System.getenv(THREADS));
    if (set == null) {
      TaskContext tc = TaskContext.get();
      set = Integer.toString(tc == null ? 1 : Math.max(1, tc.cpus()));
      System.setProperty(THREADS, set);
    }
    return Integer.parseInt(set.trim());
  }

  private static void useShippedData(String alias, String property, String env) {
    if (System.getProperty(property) != null
        || System.getenv(env) != null
        || TaskContext.get() == null) {
      return;
    }
    Path shipped = Path.of(SparkFiles.get(alias));
    if (Files.isDirectory(shipped)) {
      System.setProperty(property, shipped.toAbsolutePath().toString());
    }
  }
}
