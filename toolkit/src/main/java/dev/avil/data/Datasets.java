package dev.avil.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the data sets live on disk. Each is looked up, in order:
 *
 * <ol>
 *   <li>the system property ({@code avil.mnist.dir}, {@code avil.fashion.dir}, {@code
 *       avil.text.dir});
 *   <li>the environment variable ({@code AVIL_MNIST_DIR}, {@code AVIL_FASHION_DIR}, {@code
 *       AVIL_TEXT_DIR});
 *   <li>{@code data/mnist}, {@code data/fashion-mnist} or {@code data/text} in the working
 *       directory or any parent of it, where the project's {@code data/setup.sh} puts them.
 * </ol>
 *
 * <p>Any directory of standard IDX files works, plain or gzipped, so a full MNIST from its usual
 * mirrors can be used by pointing the property or variable at it.
 */
public final class Datasets {
  /** The command that obtains the data for this project. */
  public static final String SETUP_COMMAND = "bash data/setup.sh";

  private Datasets() {}

  /** The MNIST digits directory. */
  public static Path mnistDir() {
    return locate(
        "avil.mnist.dir", "AVIL_MNIST_DIR", "mnist", "MNIST digits", "a directory of IDX files");
  }

  /** The Fashion-MNIST directory. */
  public static Path fashionDir() {
    return locate(
        "avil.fashion.dir",
        "AVIL_FASHION_DIR",
        "fashion-mnist",
        "Fashion-MNIST",
        "a directory of IDX files");
  }

  /** The text data of the text setting (see {@link TextData}). */
  public static Path textDir() {
    return locate(
        "avil.text.dir",
        "AVIL_TEXT_DIR",
        "text",
        "The text data",
        "the folder data/setup.sh writes to data/text");
  }

  /**
   * Why the data of {@code data/setup.sh} cannot be used, or nothing if every data set is there.
   */
  public static java.util.Optional<String> missing() {
    try {
      mnistDir();
      fashionDir();
      textDir();
      return java.util.Optional.empty();
    } catch (IllegalStateException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  private static Path locate(
      String property, String env, String folder, String what, String holds) {
    String given = System.getProperty(property);
    String source = "system property " + property;
    if (given == null) {
      given = System.getenv(env);
      source = "environment variable " + env;
    }
    if (given != null) {
      Path p = Path.of(given);
      if (!Files.isDirectory(p)) {
        throw new IllegalStateException(
            source + " = " + given + " is not a directory; point it at " + holds);
      }
      return p;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve("data").resolve(folder);
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        what
            + " not found: no data/"
            + folder
            + " in "
            + Path.of("").toAbsolutePath()
            + " or its parents. Obtain it by running, from the project's top folder:  "
            + SETUP_COMMAND
            + "  (or set -D"
            + property
            + "=DIR or "
            + env
            + "=DIR to "
            + holds
            + ")");
  }
}
