package dev.avil.tools;

import dev.avil.api.Experiment;
import java.io.Serializable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The fair protocol on the command line: the seeds, the most epochs, and the patience. */
public final class ProtocolOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  private long[] seeds;
  private int epochs = 100;
  private int patience = 10;
  private double patienceGrowth = 0;

  /** The options, with {@code seeds} unless the command line gives others. */
  ProtocolOptions(long... seeds) {
    this.seeds = seeds.clone();
  }

  @Option(names = "--seeds", split = ",", paramLabel = "N", description = "seeds, comma-separated")
  private void seeds(long[] s) {
    Cli.require(s.length > 0, spec, "--seeds needs at least one seed");
    seeds = s;
  }

  @Option(names = "--epochs", paramLabel = "N", description = "the most epochs of a run, ≥ 1 (100)")
  private void epochs(int n) {
    epochs = Cli.atLeast(spec, "--epochs", n, 1);
  }

  @Option(
      names = "--patience",
      paramLabel = "N",
      description = "epochs without a better selection accuracy before a run stops, ≥ 0 (10)")
  private void patience(int n) {
    patience = Cli.atLeast(spec, "--patience", n, 0);
  }

  @Option(
      names = "--patience-growth",
      paramLabel = "X",
      description =
          "the patience grows to X times the best epoch where that is more, in [0, 10];"
              + " 0 keeps it fixed (0)")
  private void patienceGrowth(double x) {
    Cli.require(
        x >= 0 && x <= 10, spec, "--patience-growth " + x + " must be in [0, 10] (0: fixed)");
    patienceGrowth = x;
  }

  /** The seeds. */
  public long[] seeds() {
    return seeds.clone();
  }

  /** The epochs and early stopping every run of the study is held to. */
  public Rule rule() {
    return new Rule(epochs, patience, patienceGrowth);
  }

  /**
   * The epochs and early stopping of every run, to be sent to other processes.
   *
   * @param epochs the most epochs of a run
   * @param patience the patience of early stopping
   * @param patienceGrowth how the patience grows with the best epoch
   */
  public record Rule(int epochs, int patience, double patienceGrowth) implements Serializable {
    /** {@code e} held to this rule. */
    public Experiment on(Experiment e) {
      return e.epochs(epochs).patience(patience).patienceGrowth(patienceGrowth);
    }
  }
}
