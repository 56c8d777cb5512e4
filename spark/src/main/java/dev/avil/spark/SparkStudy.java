package dev.avil.spark;

import dev.avil.api.Method;
import dev.avil.api.Methods;
import dev.avil.api.Settings;
import dev.avil.tools.Study;
import dev.avil.tools.StudyArgs;
import dev.avil.train.ProgressLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The reproduction study ({@link Study}) as one Spark job: the same settings, methods, seeds and
 * output layout, so {@code Study --summarize} and the notebooks read its results unchanged, and a
 * stopped job resumes from the cells already written.
 *
 * <p>Arguments: those of {@link Study} ({@code --out DIR}, {@code --settings a,b}, {@code --methods
 * a,b}, {@code --seeds 1,2,3,4,5}, {@code --epochs 100}, {@code --patience 10}) and {@code --master
 * URL}. The master comes from {@code spark-submit --master}; without it, {@code --master} or else
 * {@code local[*]}.
 *
 * <pre>
 * spark-submit --master spark://HOST:7077 --class dev.avil.spark.SparkStudy avil-spark.jar --seeds 1,2,3
 * </pre>
 */
public final class SparkStudy {
  private SparkStudy() {}

  /** Runs the study on Spark, then writes its summary as {@code Study --summarize} does. */
  public static void main(String[] args) {
    StudyArgs a = StudyArgs.parse(args, SparkStudy.class, Set.of(), Set.of("master"));
    Path out = a.out();
    List<String> settings = a.settings();
    List<String> methods = a.methods().stream().map(Method::name).toList();
    long[] seeds = a.seeds();
    int epochs = a.epochs();
    int patience = a.patience();
    for (String s : settings) {
      if (!Settings.NAMES.contains(s)) {
        throw new IllegalArgumentException(
            "unknown setting '" + s + "'; accepted: " + Settings.NAMES);
      }
    }
    SparkConf conf = new SparkConf().setAppName("αVIL study");
    if (a.has("master")) {
      conf.setMaster(a.values().get("master"));
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    SparkJob job =
        SparkJob.of(plans(methods, seeds, epochs, patience), cells(settings, methods, seeds))
            .onCell(
                r ->
                    System.out.println(
                        r.failed()
                            ? "FAILED " + r.cell() + ": " + r.failure()
                            : String.format(
                                Locale.ROOT,
                                "%s: test %.4f (%.0f s on executor %s, %d thread(s))",
                                r.cell(),
                                r.results().testAtBest(),
                                r.seconds(),
                                r.executor(),
                                r.threads())));
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      SparkJob.Report report = job.run(sc, out);
      System.out.printf(
          Locale.ROOT,
          "%d cells ran (%d failed), %d were already written; %.0f s%n",
          report.ran().size(),
          report.failed().size(),
          report.skipped().size(),
          report.seconds());
    }
    Study.summarize(out, Settings.NAMES);
  }

  /**
   * The study's plans: each setting's experiment, as the study configures it, with the chosen
   * methods and seeds.
   */
  static Plans plans(List<String> methods, long[] seeds, int epochs, int patience) {
    List<String> names = List.copyOf(methods);
    long[] s = seeds.clone();
    return setting ->
        Settings.named(setting)
            .epochs(epochs)
            .patience(patience)
            .listener(ProgressLog.toStdout())
            .compare(names.stream().map(Methods::parse).toArray(Method[]::new))
            .seeds(s);
  }

  /**
   * Seed by seed across all settings, as the in-process study runs them, so a stopped job is
   * balanced.
   */
  static List<Cell> cells(List<String> settings, List<String> methods, long[] seeds) {
    List<Cell> cells = new ArrayList<>();
    for (long seed : seeds) {
      for (String setting : settings) {
        for (String m : methods) {
          cells.add(new Cell(setting, m, seed));
        }
      }
    }
    return cells;
  }
}
