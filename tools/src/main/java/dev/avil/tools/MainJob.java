package dev.avil.tools;

import dev.avil.api.Comparison;
import dev.avil.api.Method;
import dev.avil.api.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The project's main job: αVIL against single-task and uniform multitask learning on MultiMNIST
 * ({@link Settings#mnistNegative()}: target the left digit with 1,000 training images; auxiliary
 * the right digit and random labels, each on the 6,000 images after the target's). Three seeds,
 * under the fair protocol: at most 100 epochs, stopping 10 epochs after the best target dev
 * accuracy, so that every method converges; the table shows each method's target steps. Prints the
 * comparison and writes its tables, records and configuration as CSV, {@code results/report.html}
 * and its figures as SVG ({@link dev.avil.api.Comparison#save}).
 */
@Command(
    name = "main-job",
    mixinStandardHelpOptions = true,
    description =
        "αVIL against single-task and uniform MTL on MultiMNIST, under the fair protocol.")
public final class MainJob implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "results",
      description = "where the files go (default: ${DEFAULT-VALUE})")
  private Path out;

  @Mixin private ProtocolOptions protocol = new ProtocolOptions(1, 2, 3);

  /** Runs the comparison. */
  public static void main(String[] args) {
    System.exit(Cli.run(new MainJob(), args));
  }

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    Comparison c =
        protocol
            .rule()
            .on(Settings.mnistNegative())
            .compare(Method.singleTask(), Method.uniform(), Method.alphaVil())
            .seeds(protocol.seeds())
            .run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    c.save(out);
    System.out.println();
    System.out.println(c.table().print());
    System.out.println();
    System.out.println(c.perSeed().print());
    c.failures().forEach(f -> System.out.println("FAILED: " + f));
    System.out.printf(
        java.util.Locale.ROOT,
        "%nTraining took %.1f s. Wrote %s/{comparison.csv, runs.csv, history.csv, config.csv,"
            + " report.html, accuracy.svg, weights.svg}%n",
        seconds,
        out);
    return c.failures().isEmpty() ? 0 : 1;
  }
}
