package dev.avil.text;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Hears how far an encoding has got. {@link #update} is called with 0 done before the first batch,
 * after every batch, and once more with {@code done == total} at the end; implementations decide
 * how often to show it. In a notebook the toolkit's kernel extension makes a bar that updates in
 * place the default; elsewhere the default prints a line to standard error about every ten seconds.
 *
 * <pre>{@code
 * TextEncoder.miniLm().withProgress(EncodingProgress.silent()).encode(texts);
 * EncodingProgress.setDefault(EncodingProgress::silent);     // quiet from now on
 * }</pre>
 */
@FunctionalInterface
public interface EncodingProgress {
  /**
   * How far the encoding has got.
   *
   * @param done texts encoded so far
   * @param total texts to encode in this call (cached texts are not counted)
   * @param seconds seconds since the encoding started
   */
  void update(int done, int total, double seconds);

  /** Shows nothing. */
  static EncodingProgress silent() {
    return (done, total, seconds) -> {};
  }

  /** A line on {@code out} at the start, about every {@code everySeconds}, and at the end. */
  static EncodingProgress lines(PrintStream out, double everySeconds) {
    if (out == null) {
      throw new IllegalArgumentException("the output stream must not be null");
    }
    double[] last = {Double.NEGATIVE_INFINITY};
    return (done, total, seconds) -> {
      if (done == 0 || done == total || seconds - last[0] >= everySeconds) {
        last[0] = seconds;
        out.println(line(done, total, seconds));
      }
    };
  }

  /** The default for new encodings (see {@link #setDefault}). */
  static EncodingProgress createDefault() {
    return Defaults.factory.get();
  }

  /** Makes {@code factory} the source of the default progress, for this process. */
  static void setDefault(Supplier<EncodingProgress> factory) {
    if (factory == null) {
      throw new IllegalArgumentException("the progress factory must not be null");
    }
    Defaults.factory = factory;
  }

  /** A one-line text bar, e.g. {@code encoding texts [###### ] 1,200/4,000 in 12 s, ~28 s left}. */
  static String line(int done, int total, double seconds) {
    int width = 20;
    int filled = total == 0 ? width : (int) ((long) width * done / total);
    String bar = "#".repeat(filled) + " ".repeat(width - filled);
    String left =
        done == 0 || done == total
            ? ""
            : String.format(Locale.ROOT, ", ~%s left", duration(seconds * (total - done) / done));
    return String.format(
        Locale.ROOT,
        "encoding texts [%s] %,d/%,d in %s%s",
        bar,
        done,
        total,
        duration(seconds),
        left);
  }

  /** Seconds as {@code 42 s} or {@code 3 min 05 s}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}

/** Holds the process-wide default. */
final class Defaults {
  static volatile Supplier<EncodingProgress> factory = () -> EncodingProgress.lines(System.err, 10);

  private Defaults() {}
}
