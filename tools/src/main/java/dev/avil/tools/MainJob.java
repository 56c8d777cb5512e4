package dev.avil.tools;

import dev.avil.api.Comparison;
import dev.avil.api.Method;
import dev.avil.api.Settings;
import java.nio.file.Path;

/**
 * The project's main job: αVIL against single-task and uniform multitask learning on MultiMNIST
 * ({@link Settings#mnistNegative()}: target the left digit with 1,000 training images; auxiliary
 * the right digit and random labels, each on the 6,000 images after the target's). Three seeds,
 * under the fair protocol: at most 100 epochs, stopping 10 epochs after the best target dev
 * accuracy, so that every method converges; the table shows each method's target steps. Prints the
 * comparison and writes {@code results/comparison.csv}, {@code results/history.csv} and {@code
 * results/report.html}.
 *
 * <p>Arguments (all optional): {@code --out DIR}, {@code --epochs N} (the most), {@code --patience
 * N} (0: train all epochs), {@code --seeds 1,2,3}.
 */
public final class MainJob {
  private MainJob() {}

  /** Runs the comparison. */
  public static void main(String[] args) {
    Path out = Path.of("results");
    int epochs = 100;
    int patience = 10;
    long[] seeds = {1, 2, 3};
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      if (v == null) {
        throw new IllegalArgumentException("argument " + a + " needs a value");
      }
      switch (a) {
        case "--out" -> out = Path.of(v);
        case "--epochs" -> epochs = Integer.parseInt(v);
        case "--patience" -> patience = Integer.parseInt(v);
        case "--seeds" ->
            seeds = java.util.Arrays.stream(v.split(",")).mapToLong(Long::parseLong).toArray();
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + a
                    + "; accepted: --out DIR, --epochs N, --patience N, --seeds 1,2,3");
      }
      i++;
    }
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
        "%nTraining took %.1f s. Wrote %s/{comparison.csv, runs.csv, history.csv, config.csv, report.html}%n",
        seconds,
        out);
    if (!c.failures().isEmpty()) {
      System.exit(1);
    }
  }
}
