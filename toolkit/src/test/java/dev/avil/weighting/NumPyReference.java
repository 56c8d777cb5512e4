package dev.avil.weighting;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a reference script of {@code src/test/python} with {@code python3} and NumPy, the
 * independent computation a method's update rule is checked against (the set-up installs
 * python3-numpy). The input and output lines are those {@code refio.py} describes.
 */
final class NumPyReference {
  private static final Path SCRIPTS = Path.of("src", "test", "python");

  private NumPyReference() {}

  /**
   * What {@code script} prints for each of {@code cases}, in order: each named vector, or an empty
   * map where the script skips the case. A case is its input lines, the first its options ({@link
   * #options}).
   *
   * @throws AssertionError naming what went wrong, if python3 or NumPy is missing or the script
   *     fails
   */
  static List<Map<String, double[]>> run(String script, List<List<String>> cases) {
    Path file = SCRIPTS.resolve(script);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no reference script " + file.toAbsolutePath());
    }
    String command = "python3 " + file;
    String out;
    Path errors = null;
    try {
      errors = Files.createTempFile("numpy-reference", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder("python3", file.toString())
              .redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
      pb.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ beside the scripts
      Process p = pb.start();
      try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
        for (List<String> c : cases) {
          for (String line : c) {
            w.write(line + "\n");
          }
        }
      }
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(
            command
                + " failed (it needs python3 with NumPy: bash data/setup.sh):\n"
                + Files.readString(errors));
      }
    } catch (IOException e) {
      throw new AssertionError(
          "could not run " + command + " (it needs python3 with NumPy: bash data/setup.sh)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      if (errors != null) {
        errors.toFile().delete();
      }
    }
    List<Map<String, double[]>> results = new ArrayList<>();
    Map<String, double[]> named = new LinkedHashMap<>();
    for (String line : out.strip().split("\n")) {
      if (line.equals("end")) {
        results.add(named);
        named = new LinkedHashMap<>();
      } else if (!line.equals("skip")) {
        int colon = line.indexOf(':');
        named.put(
            line.substring(0, colon),
            Arrays.stream(line.substring(colon + 1).trim().split("\\s+"))
                .mapToDouble(Double::parseDouble)
                .toArray());
      }
    }
    if (results.size() != cases.size()) {
      throw new AssertionError(
          command + " answered " + results.size() + " of " + cases.size() + " cases:\n" + out);
    }
    return results;
  }

  /** The first line of a case: its options. */
  static String options(String... options) {
    return "case: " + String.join(" ", options);
  }

  /** An input line: {@code key: v1 v2 ...}. */
  static String line(String key, double... values) {
    return key
        + ": "
        + Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(" "));
  }

  /** An input line of whole numbers: {@code key: i1 i2 ...}. */
  static String line(String key, int... values) {
    return key
        + ": "
        + Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(" "));
  }
}
