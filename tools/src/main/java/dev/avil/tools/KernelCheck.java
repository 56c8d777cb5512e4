package dev.avil.tools;

import dev.avil.tools.ConvolutionCheck.Outcome;
import dev.avil.train.Cells;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks that this machine's convolution kernels give the same, finite gradient every time (see
 * {@link ConvolutionCheck}), in both layouts, on one PyTorch thread (how a cell of a comparison or
 * a study trains) and on the engine's thread setting (how a single {@code run()} trains on the
 * caller's thread), and then channels last in one-thread cells side by side (how a study trains).
 * The toolkit's LeNet is laid out channels last; channels first is the layout of older versions and
 * of a trunk that does not start with {@code ChannelsLast}.
 *
 * <p>Exits with status 1 if a channels-last check is unstable: the toolkit's training could not be
 * trusted here.
 */
@Command(
    name = "kernel-check",
    mixinStandardHelpOptions = true,
    description = "Checks that this machine's convolution kernels give stable gradients.")
public final class KernelCheck implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private int repeats = 300;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PASSES",
      description = "passes to compare with the first, ≥ 1 (default: 300)")
  private void repeats(int n) {
    repeats = Cli.atLeast(spec, "PASSES", n, 1);
  }

  /** Runs the checks and prints one line each. */
  public static void main(String[] args) {
    System.exit(Cli.run(new KernelCheck(), args));
  }

  @Override
  public Integer call() {
    boolean trusted = true;
    boolean firstStable = true;
    for (boolean channelsLast : new boolean[] {false, true}) {
      int n = repeats;
      Callable<Outcome> check = () -> ConvolutionCheck.run(channelsLast, n);
      String layout = channelsLast ? "channels last" : "channels first";
      List<Outcome> oneThread = Cells.run(List.of(check), 1);
      List<Outcome> engine = List.of(ConvolutionCheck.run(channelsLast, repeats));
      boolean onOne = report(layout + " on one thread", oneThread);
      boolean onEngine = report(layout + " on " + threads() + " threads", engine);
      boolean stable = onOne && onEngine;
      if (channelsLast) {
        trusted &= stable;
      } else {
        firstStable = stable;
      }
    }
    // how a study trains: one-thread cells side by side
    int n = repeats;
    Callable<Outcome> cell = () -> ConvolutionCheck.run(true, n);
    int cells = Cells.parallelism(Integer.MAX_VALUE);
    List<Outcome> sideBySide = Cells.run(Collections.nCopies(cells, cell), cells);
    trusted &= report("channels last in " + cells + " cells side by side", sideBySide);
    if (!firstStable) {
      System.out.println(
          "channels first is unstable here: start a convolutional trunk with ChannelsLast (see"
              + " Trunk.of); glibc's MALLOC_PERTURB_=255 made it stable on one such machine, at a"
              + " cost in speed");
    }
    if (!trusted) {
      System.out.println("the toolkit's layout gave unstable gradients on this machine");
      return 1;
    }
    return 0;
  }

  /** Prints one line for {@code outcomes}; returns whether every one was stable. */
  private static boolean report(String what, List<Outcome> outcomes) {
    int differing = outcomes.stream().mapToInt(Outcome::differing).sum();
    int nonFinite = outcomes.stream().mapToInt(Outcome::nonFinite).sum();
    int passes = outcomes.stream().mapToInt(Outcome::passes).sum();
    System.out.printf(
        Locale.ROOT,
        "%-40s %d of %d passes gave a weight gradient other than the first's; %d gave one that is"
            + " not finite%n",
        what + ":",
        differing,
        passes,
        nonFinite);
    return outcomes.stream().allMatch(Outcome::stable);
  }

  private static String threads() {
    return System.getProperty("ai.djl.pytorch.num_threads", "the engine's");
  }
}
