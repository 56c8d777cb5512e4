package dev.avil.tools;

import dev.avil.tools.ConvolutionCheck.Outcome;
import dev.avil.train.Cells;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Checks that this machine's convolution kernels give the same, finite gradient every time (see
 * {@link dev.avil.train.KernelCheck}), in both layouts, on one PyTorch thread (how a cell of a
 * comparison or a study trains) and on the engine's thread setting (how a single {@code run()}
 * trains on the caller's thread), and then channels last in one-thread cells side by side (how a
 * study trains). The toolkit's LeNet is laid out channels last; channels first is the layout of
 * older versions and of a trunk that does not start with {@code ChannelsLast}.
 *
 * <p>Argument (optional): the passes to compare with the first, 300 by default. Exits with status 1
 * if a channels-last check is unstable: the toolkit's training could not be trusted here.
 */
public final class KernelCheck {
  private KernelCheck() {}

  /** Runs the checks and prints one line each. */
  public static void main(String[] args) {
    int repeats = parse(args);
    boolean trusted = true;
    boolean firstStable = true;
    for (boolean channelsLast : new boolean[] {false, true}) {
      Callable<Outcome> check = () -> ConvolutionCheck.run(channelsLast, repeats);
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
    Callable<Outcome> cell = () -> ConvolutionCheck.run(true, repeats);
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
      System.exit(1);
    }
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

  static int parse(String[] args) {
    String accepted = "at most one argument, the passes to compare: a whole number from 1";
    if (args.length == 0) {
      return 300;
    }
    if (args.length > 1) {
      throw new IllegalArgumentException(args.length + " arguments given; accepted: " + accepted);
    }
    try {
      int n = Integer.parseInt(args[0].trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + args[0] + "' passes; accepted: " + accepted);
  }
}
