package dev.avil.spark;

import dev.avil.api.Comparison;
import dev.avil.api.ComparisonPlan;
import dev.avil.api.Method;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * A study, or any comparison plan, as one Spark job: one task per (setting, method, seed) cell.
 * Executors build each setting's plan with {@link Plans}, train their cell with the toolkit and
 * send back its records; the driver writes every cell as it arrives through a {@link CellSink}. A
 * job started again skips the cells already written.
 *
 * <pre>{@code
 * Plans plans = setting -> Experiment.target(left()).aux(right()).epochs(5)
 *     .compare(Method.singleTask(), Method.alphaVil()).seeds(1, 2, 3);
 * SparkJob.Report report = SparkJob.of(plans, "negative").run(sparkContext, Path.of("results"));
 * Comparison c = report.comparison("negative");
 * }</pre>
 */
public final class SparkJob {
  private final Plans plans;
  private final List<Cell> cells;
  private final Consumer<CellResult> onCell;

  private SparkJob(Plans plans, List<Cell> cells, Consumer<CellResult> onCell) {
    this.plans = plans;
    this.cells = List.copyOf(cells);
    this.onCell = onCell;
  }

  /**
   * Every cell of each setting's plan, seed by seed and method by method as {@link
   * ComparisonPlan#run} runs them. The plans are built once on the driver to list the cells.
   */
  public static SparkJob of(Plans plans, String... settings) {
    if (plans == null || settings.length == 0) {
      throw new IllegalArgumentException(
          "a job needs plans and at least one setting, got "
              + (plans == null ? "no plans" : "no settings"));
    }
    List<Cell> cells = new ArrayList<>();
    for (String s : settings) {
      ComparisonPlan p = plans.plan(s);
      for (long seed : p.seeds()) {
        for (Method m : p.methods()) {
          cells.add(new Cell(s, m.name(), seed));
        }
      }
    }
    return of(plans, cells);
  }

  /** The given cells; the plans are built only on the executors. */
  public static SparkJob of(Plans plans, List<Cell> cells) {
    if (plans == null) {
      throw new IllegalArgumentException("plans must not be null");
    }
    if (cells.isEmpty() || new LinkedHashSet<>(cells).size() != cells.size()) {
      throw new IllegalArgumentException(
          "a job needs at least one cell and each cell once, got " + cells);
    }
    return new SparkJob(plans, cells, r -> {});
  }

  /** Called on the driver for every cell as it arrives, after it was written (default: nothing). */
  public SparkJob onCell(Consumer<CellResult> action) {
    if (action == null) {
      throw new IllegalArgumentException("the action must not be null");
    }
    return new SparkJob(plans, cells, action);
  }

  /** The cells, in the order they are handed to Spark. */
  public List<Cell> cells() {
    return cells;
  }

  /**
   * Runs the cells not yet written under {@code out}, one Spark task each, and writes each finished
   * cell there as its task ends. A cell that fails inside its run is reported, not retried; a task
   * lost with its executor is retried by Spark.
   *
   * @throws IllegalStateException if Spark gives up on a task (it failed {@code
   *     spark.task.maxFailures} times); every cell that finished before is written
   */
  public Report run(JavaSparkContext sc, Path out) {
    CellSink sink = new CellSink(out);
    List<String> settings = cells.stream().map(Cell::setting).distinct().toList();
    Set<Cell> done = sink.finished(settings);
    List<Cell> skipped = cells.stream().filter(done::contains).toList();
    List<Cell> todo = cells.stream().filter(c -> !done.contains(c)).toList();
    List<CellResult> results = new ArrayList<>();
    long t0 = System.nanoTime();
    if (!todo.isEmpty()) {
      JavaRDD<Cell> rdd =
          sc.parallelize(todo, todo.size()); // one cell per partition, so one per task
      ClassTag<CellResult> tag = ClassTag$.MODULE$.apply(CellResult.class);
      Function2<Object, CellResult, BoxedUnit> onResult =
          (partition, r) -> {
            if (!r.failed()) {
              sink.write(r.cell().setting(), r.results());
            }
            synchronized (results) {
              results.add(r);
            }
            onCell.accept(r);
            return BoxedUnit.UNIT;
          };
      sc.setJobDescription("αVIL: " + todo.size() + " cells of " + settings);
      try {
        sc.sc().runJob(rdd.rdd(), task(UUID.randomUUID().toString(), plans), onResult, tag);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "the Spark job stopped after "
                + results.size()
                + " of "
                + todo.size()
                + " cells (each finished cell is written under "
                + out
                + "; run again to resume): "
                + e.getMessage(),
            e);
      }
    }
    return new Report(out, skipped, List.copyOf(results), (System.nanoTime() - t0) / 1e9);
  }

  /** The task function; static, so that it captures the job id and the plans only. */
  private static Function2<TaskContext, scala.collection.Iterator<Cell>, CellResult> task(
      String jobId, Plans plans) {
    return (Function2<TaskContext, scala.collection.Iterator<Cell>, CellResult> & Serializable)
        (ctx, it) -> {
          Cell cell = it.next();
          if (it.hasNext()) {
            throw new IllegalStateException(
                "a partition holds more than one cell; a job hands Spark one cell per partition");
          }
          return CellTask.run(jobId, plans, cell);
        };
  }

  /**
   * What a job did: the cells it skipped because they were written before, and the result of every
   * cell it ran, in the order they finished.
   *
   * @param out the output folder
   * @param skipped cells already written when the job started
   * @param ran every cell the job ran, finished or failed
   * @param seconds wall-clock seconds of the Spark job
   */
  public record Report(Path out, List<Cell> skipped, List<CellResult> ran, double seconds) {
    /** The cells that failed inside their run. */
    public List<CellResult> failed() {
      return ran.stream().filter(CellResult::failed).toList();
    }

    /** The cells that finished and were written. */
    public List<CellResult> finished() {
      return ran.stream().filter(r -> !r.failed()).toList();
    }

    /**
     * Everything written for {@code setting}, this job's cells and earlier ones.
     *
     * @throws java.io.UncheckedIOException if nothing was written for it
     */
    public Comparison comparison(String setting) {
      return Comparison.read(new CellSink(out).dir(setting));
    }
  }
}
