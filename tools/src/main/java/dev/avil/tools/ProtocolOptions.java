package dev.avil.tools;

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

  /** The seeds. */
  public long[] seeds() {
    return seeds.clone();
  }

  /** The most epochs of a run. */
  public int epochs() {
    return epochs;
  }

  /** The patience of early stopping. */
  public int patience() {
    return patience;
  }
}
