package dev.avil.tools;

import dev.avil.api.Comparison;
import dev.avil.api.Method;
import dev.avil.api.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The project's main job: αVIL against single-task and uniform multitask learning on MultiMNIST
 * ({@link Settings#mnistNegative()}: target the left digit with 1,000 training images; auxiliary
 * the right digit and random labels, each on the 6,000 images after the target's). Three seeds,
 * under the fair protocol: at most 100 epochs, stopping 10 epochs after the best target dev
 * accuracy, so that every method converges; the table shows each method's target steps. Prints the
 * comparison and writes {@code results/comparison.csv}, {@code results/history.csv} and {@code
 * results/report.html}.
 */
@Command(
    name = "main-job",
    mixinStandardHelpOptions = true,
    description =
        "αVIL against single-task and uniform MTL on MultiMNIST, under the fair protocol.")
public final class MainJob implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "results",
      description = "where the files go (default: ${DEFAULT-VALUE})")
  private Path out;

  @Option(
      names = "--seeds",
      split = ",",
      paramLabel = "N",
      defaultValue = "1,2,3",
      description = "seeds, comma-separated (default: ${DEFAULT-VALUE})")
  private long[] seeds;

  private int epochs = 100;
  private int patience = 10;

  @Option(names = "--epochs", paramLabel = "N", description = "the most epochs, ≥ 1 (default: 100)")
  private void epochs(int n) {
    Cli.require(n >= 1, spec, "--epochs " + n + " must be a whole number ≥ 1");
    epochs = n;
  }

  @Option(
      names = "--patience",
      paramLabel = "N",
      description = "early stopping's patience, ≥ 0; 0 trains every epoch (default: 10)")
  private void patience(int n) {
    Cli.require(n >= 0, spec, "--patience " + n + " must be a whole number ≥ 0");
    patience = n;
  }

  /** Runs the comparison. */
  public static void main(String[] args) {
    System.exit(Cli.run(new MainJob(), args));
  }

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    Comparison c =
        Settings.mnistNegative()
            .epochs(epochs)
            .patience(patience)
            .compare(Method.singleTask(), Method.uniform(), Method.alphaVil())
            .seeds(seeds)
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
            + " report.html}%n",
        seconds,
        out);
    return c.failures().isEmpty() ? 0 : 1;
  }
}
