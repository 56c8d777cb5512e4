package dev.avil.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes notebooks with Debian's Jupyter on the installed {@code java} kernel, and exports them.
 */
final class Notebooks {

  static final String JUPYTER = "/usr/bin/jupyter";
  static final String PYTHON = "/usr/bin/python3";
  static final String KERNEL_NAME = "java";
  private static final Duration NBCONVERT_TIMEOUT = Duration.ofMinutes(30);

  private Notebooks() {}

  /** The kernel module's directory, as the build passes it. */
  static Path moduleDir() {
    return property("avil.kernel.dir");
  }

  /** The project's {@code notebooks/} folder, as the build passes it. */
  static Path notebooksDir() {
    return property("avil.notebooks.dir");
  }

  private static Path property(String name) {
    String dir = System.getProperty(name);
    if (dir == null) {
      throw new AssertionError(
          "system property " + name + " is not set (run through Maven failsafe)");
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  /** Fails unless Jupyter is installed and knows the {@code java} kernel. */
  static void requireJupyterAndKernel() {
    if (!Files.isExecutable(Path.of(JUPYTER))) {
      throw new AssertionError(
          JUPYTER + " is missing (apt-get install jupyter-nbconvert jupyter-client)");
    }
    ProcessRunner.Result specs =
        ProcessRunner.run(
            List.of(JUPYTER, "kernelspec", "list", "--json"),
            moduleDir(),
            Map.of(),
            Duration.ofMinutes(1));
    JsonObject kernels =
        JsonParser.parseString(jsonPart(specs.output()))
            .getAsJsonObject()
            .getAsJsonObject("kernelspecs");
    if (specs.exitCode() != 0 || !kernels.has(KERNEL_NAME)) {
      throw new AssertionError(
          "Jupyter kernel '"
              + KERNEL_NAME
              + "' is not installed (run kernel/install-kernel.sh):\n"
              + specs.output());
    }
  }

  /** Drops the warnings Jupyter prints before its JSON. */
  private static String jsonPart(String output) {
    int start = output.indexOf('{');
    return start >= 0 ? output.substring(start) : "{}";
  }

  /**
   * Runs every cell of {@code notebook}, recording errors in the output instead of stopping.
   *
   * @return the executed copy, in {@code outDir}
   */
  static Path execute(Path notebook, Path outDir, Map<String, String> env) {
    nbconvert(
        "execute",
        notebook,
        outDir,
        List.of(
            "notebook",
            "--execute",
            "--allow-errors",
            "--ExecutePreprocessor.kernel_name=" + KERNEL_NAME,
            "--ExecutePreprocessor.timeout=900",
            "--ExecutePreprocessor.shutdown_kernel=immediate"),
        env,
        NBCONVERT_TIMEOUT);
    return outDir.resolve(notebook.getFileName());
  }

  /** Exports an executed notebook to HTML in {@code outDir}. */
  static Path toHtml(Path executed, Path outDir) {
    nbconvert("export", executed, outDir, List.of("html"), Map.of(), Duration.ofMinutes(5));
    String name = executed.getFileName().toString().replaceFirst("\\.ipynb$", ".html");
    return outDir.resolve(name);
  }

  /**
   * Runs {@code jupyter nbconvert --to FORMAT [OPTIONS] --output-dir OUT FILE}, {@code format} and
   * its options being {@code to}; fails with nbconvert's output, saying it could not {@code action}
   * the file, if it exits with an error.
   */
  private static void nbconvert(
      String action,
      Path file,
      Path outDir,
      List<String> to,
      Map<String, String> env,
      Duration timeout) {
    List<String> command = new ArrayList<>(List.of(JUPYTER, "nbconvert", "--to"));
    command.addAll(to);
    command.addAll(List.of("--output-dir", outDir.toString(), file.toString()));
    ProcessRunner.Result result = ProcessRunner.run(command, moduleDir(), env, timeout);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "nbconvert failed to " + action + " " + file + ":\n" + result.output());
    }
  }

  /**
   * The errors recorded in an executed notebook, as {@code cell N: ename: evalue} (N counts from 1,
   * all cells).
   */
  static List<String> cellErrors(Path executed) throws IOException {
    JsonArray cells =
        JsonParser.parseString(Files.readString(executed))
            .getAsJsonObject()
            .getAsJsonArray("cells");
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      JsonArray outputs = cells.get(i).getAsJsonObject().getAsJsonArray("outputs");
      if (outputs == null) {
        continue;
      }
      for (JsonElement output : outputs) {
        JsonObject o = output.getAsJsonObject();
        if ("error".equals(o.get("output_type").getAsString())) {
          errors.add(
              "cell "
                  + (i + 1)
                  + ": "
                  + o.get("ename").getAsString()
                  + ": "
                  + o.get("evalue").getAsString());
        }
      }
    }
    return errors;
  }
}
