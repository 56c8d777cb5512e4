package dev.avil.tools;

import dev.avil.api.Methods;
import dev.avil.api.Results;
import dev.avil.api.Settings;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.train.TrainingListener;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What one epoch of a method on a setting takes: a single run of EPOCHS epochs on every lane, as
 * {@code Experiment.run()} trains, evaluation included, each epoch's seconds and their median. The
 * first epoch pays for the kernels' first calls; read the median. Also the process's peak resident
 * memory (Linux), which is one run's and the data's.
 */
@Command(
    name = "epoch-time",
    mixinStandardHelpOptions = true,
    description = "Times EPOCHS epochs of METHOD on SETTING in one run and prints the median.")
public final class EpochTime implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SETTING", description = "a setting, as the study names it")
  private String setting;

  private String method;

  @Parameters(index = "1", paramLabel = "METHOD", description = "a method, as the study names it")
  private void method(String m) {
    try {
      Methods.parse(m);
    } catch (IllegalArgumentException e) {
      Cli.require(false, spec, e.getMessage());
    }
    method = m;
  }

  private int epochs;

  @Parameters(index = "2", paramLabel = "EPOCHS", description = "the epochs to time, ≥ 1")
  private void epochs(int n) {
    epochs = Cli.atLeast(spec, "EPOCHS", n, 1);
  }

  /** Times the epochs and prints them. */
  public static void main(String[] args) {
    System.exit(Cli.run(new EpochTime(), args));
  }

  @Override
  public Integer call() {
    Results r =
        Settings.named(setting)
            .epochs(epochs)
            .patience(0)
            .listener(TrainingListener.silent())
            .method(Methods.parse(method))
            .run();
    List<Double> s =
        r.records().stream().filter(x -> x.metric() == Metric.SECONDS).map(Record::value).toList();
    StringBuilder each = new StringBuilder();
    for (double x : s) {
      each.append(String.format(Locale.ROOT, " %.1f", x));
    }
    System.out.printf(
        Locale.ROOT,
        "%s on %s, %d epochs on %s lanes: seconds per epoch%s; median %.1f; peak resident"
            + " memory of the process %.2f GB%n",
        r.method(),
        setting,
        epochs,
        r.config().get("lanes"),
        each,
        Benchmark.median(s),
        Benchmark.peakResidentKb() / 1e6);
    return 0;
  }
}
