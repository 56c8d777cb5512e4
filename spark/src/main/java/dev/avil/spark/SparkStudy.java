package dev.avil.spark;

import dev.avil.api.Method;
import dev.avil.api.Methods;
import dev.avil.tools.ProtocolOptions;
import dev.avil.tools.Study;
import dev.avil.tools.StudyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The reproduction study ({@link Study}) as one Spark job: the same settings, methods, seeds and
 * output layout, so {@code Study --summarize} and the notebooks read its results unchanged, and a
 * stopped job resumes from the cells already written.
 *
 * <p>Options: the study's ({@link StudyOptions}) and {@code --master URL}. The master comes from
 * {@code spark-submit --master}; without it, {@code --master} or else {@code local[*]}.
 *
 * <pre>
 * spark-submit --master spark://HOST:7077 --class dev.avil.spark.SparkStudy avil-spark.jar --seeds 1,2,3
 * </pre>
 */
@Command(
    name = "spark-study",
    mixinStandardHelpOptions = true,
    description = "Runs the study's cells as one Spark job, then writes its summary.")
public final class SparkStudy implements Callable<Integer> {
  @Mixin private StudyOptions options = new StudyOptions();

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "the Spark master, unless spark-submit gives one (default: local[*])")
  private String master;

  /** Runs the study on Spark, then writes its summary as {@code Study --summarize} does. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkStudy()).execute(args));
  }

  @Override
  public Integer call() {
    SparkConf conf = new SparkConf().setAppName("αVIL study");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    SparkJob job =
        SparkJob.of(plans(options), cells(options))
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
      SparkJob.Report report = job.run(sc, options.out());
      System.out.printf(
          Locale.ROOT,
          "%d cells ran (%d failed), %d were already written; %.0f s%n",
          report.ran().size(),
          report.failed().size(),
          report.skipped().size(),
          report.seconds());
    }
    Study.summarize(options.out());
    return 0;
  }

  /**
   * The study's plans: each setting's experiment, as the study configures it, with that setting's
   * methods and the chosen seeds. The plans go to the executors, so they hold only names and
   * numbers.
   */
  static Plans plans(StudyOptions options) {
    HashMap<String, ArrayList<String>> methods = new HashMap<>();
    for (String setting : options.settings()) {
      methods.put(
          setting, new ArrayList<>(options.methods(setting).stream().map(Method::name).toList()));
    }
    long[] seeds = options.protocol().seeds();
    ProtocolOptions.Rule rule = options.protocol().rule();
    return setting ->
        StudyOptions.experiment(setting, rule)
            .compare(methods.get(setting).stream().map(Methods::parse).toArray(Method[]::new))
            .seeds(seeds);
  }

  /** The study's cells, in the in-process study's order, so a stopped job is balanced. */
  static List<Cell> cells(StudyOptions options) {
    return options.cells(setting -> null).stream()
        .map(c -> new Cell(c.setting(), c.method().name(), c.seed()))
        .toList();
  }
}
