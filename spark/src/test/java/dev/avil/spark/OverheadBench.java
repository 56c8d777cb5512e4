package dev.avil.spark;

import dev.avil.api.Comparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Wall time of the tests' small grid (2 methods × 2 seeds, 3 epochs on synthetic tasks), in process
 * or as a Spark job on {@code local[N]}, each run {@code repeats} times in one JVM (the first
 * includes starting PyTorch). Not a test: run it with the test classpath, one JVM per mode, as the
 * README's section on Spark shows.
 *
 * <p>Arguments: {@code inprocess|local[N] repeats}.
 */
public final class OverheadBench {
  private OverheadBench() {}

  /** Prints one line per repeat: mode, threads, repeat, seconds (and Spark's start-up once). */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int repeats = Integer.parseInt(args[1]);
    String threads = System.getProperty("ai.djl.pytorch.num_threads", "2 (default)");
    if (mode.equals("inprocess")) {
      for (int i = 1; i <= repeats; i++) {
        long t0 = System.nanoTime();
        Comparison c = Grids.plans().plan(Grids.SETTING).run();
        report(mode, threads, i, t0, c.runs().size() + " runs");
      }
      return;
    }
    long t0 = System.nanoTime();
    try (JavaSparkContext sc = new JavaSparkContext(Grids.conf(mode))) {
      report(mode, threads, 0, t0, "SparkContext start");
      for (int i = 1; i <= repeats; i++) {
        Path out = Files.createTempDirectory("avil-bench");
        long t1 = System.nanoTime();
        SparkJob.Report r = SparkJob.of(Grids.plans(), Grids.SETTING).run(sc, out);
        double cells = r.ran().stream().mapToDouble(CellResult::seconds).sum();
        report(
            mode,
            threads,
            i,
            t1,
            String.format(
                Locale.ROOT, "%d cells, %.2f s inside the cells", r.finished().size(), cells));
      }
    }
  }

  private static void report(String mode, String threads, int repeat, long t0, String what) {
    System.out.printf(
        Locale.ROOT,
        "BENCH %s threads=%s repeat=%d %.2f s (%s)%n",
        mode,
        threads,
        repeat,
        (System.nanoTime() - t0) / 1e9,
        what);
  }
}
