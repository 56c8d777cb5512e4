package dev.avil.cli;

import dev.avil.train.Cells;
import dev.avil.train.KernelCheck.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Checks that this machine's convolution kernels give the same, finite gradient every time (see
 * {@link dev.avil.train.KernelCheck}), in both layouts, on one PyTorch thread (how a cell of a
 * comparison or a study trains) and on the engine's thread setting (how a single {@code run()}
 * trains on the caller's thread). The toolkit's LeNet is laid out channels last; channels first is
 * the layout of older versions and of a trunk that does not start with {@code ChannelsLast}.
 *
 * <p>Argument (optional): the passes to compare with the first, 300 by default. Exits with status 1
 * if a channels-last check is unstable: the toolkit's training could not be trusted here.
 */
public final class KernelCheck {
  private KernelCheck() {}

  /** Runs the four checks and prints one line each. */
  public static void main(String[] args) {
    int repeats = parse(args);
    boolean trusted = true;
    for (boolean channelsLast : new boolean[] {false, true}) {
      for (boolean oneThread : new boolean[] {true, false}) {
        Callable<Outcome> check = () -> dev.avil.train.KernelCheck.run(channelsLast, repeats);
        Outcome o;
        try {
          o = oneThread ? Cells.run(List.of(check), 1).get(0) : check.call();
        } catch (Exception e) {
          throw new IllegalStateException("the kernel check failed: " + e, e);
        }
        System.out.printf(
            Locale.ROOT,
            "%-14s on %-10s %d of %d passes gave a weight gradient other than the first's; %d"
                + " gave one that is not finite%n",
            channelsLast ? "channels last" : "channels first",
            (oneThread ? "one thread" : threads() + " threads") + ":",
            o.differing(),
            o.passes(),
            o.nonFinite());
        trusted &= !channelsLast || o.stable();
      }
    }
    if (!trusted) {
      System.out.println("the toolkit's layout gave unstable gradients on this machine");
      System.exit(1);
    }
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
