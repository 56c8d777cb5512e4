package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks {@link NotebooksIT}'s browser check on generated notebooks: a real plotly figure whose
 * plotly.js is inlined in the output must render offline, and a page that tries to reach the
 * network or has a plot that never draws must be reported.
 */
@org.junit.jupiter.api.Tag("slow")
class BrowserCheckIT {

  private static final Path DIR = Notebooks.moduleDir().resolve("target/browser-check");

  @RegisterExtension
  static final BrowserFixture BROWSER = new BrowserFixture(DIR.resolve("chromium.log"));

  @Test
  void inlinePlotlyFigureRendersWithoutNetwork() throws Exception {
    Path plotly = fetchPlotly();
    Path notebook =
        writeNotebook(
            "plotly-inline.ipynb",
            "var plotlyJs = Files.readString(Path.of(System.getenv(\"AVIL_PLOTLY_JS\")));",
            // Hiding AMD/CommonJS globals makes plotly.js define window.Plotly even where the
            // page has loaded require.js (as nbconvert's template may).
            "display(\"<div id='fig' class='plotly-graph-div' style='height:300px'></div>\"\n"
                + "    + \"<script>(function (define, module, exports) {\" + plotlyJs + \"\\n})();</script>\"\n"
                + "    + \"<script>Plotly.newPlot('fig', [{x: [1, 2, 3], y: [2, 1, 3]}]);</script>\", \"text/html\");");
    HeadlessChromium.PageReport page =
        run(notebook, Map.of("AVIL_PLOTLY_JS", plotly.toString()), Duration.ofSeconds(60));
    assertThat(page.plots()).isEqualTo(1);
    assertThat(page.renderedPlots()).isEqualTo(1);
    assertThat(page.externalRequests()).isEmpty();
    assertThat(NotebooksIT.browserProblems(page)).isEmpty();
  }

  @Test
  void networkRequestsAndUndrawnPlotsAreReported() throws Exception {
    Path notebook =
        writeNotebook(
            "offline-violations.ipynb",
            "display(\"<img src='https://cdn.example.com/pixel.png'><div class='plotly-graph-div'></div>\", \"text/html\");");
    HeadlessChromium.PageReport page =
        run(notebook, Map.of(), Duration.ofSeconds(5)); // the plot never draws
    assertThat(page.externalRequests()).containsExactly("https://cdn.example.com/pixel.png");
    assertThat(NotebooksIT.browserProblems(page)).hasSize(2);
  }

  private static HeadlessChromium.PageReport run(
      Path notebook, Map<String, String> env, Duration wait) throws Exception {
    Path executed = Notebooks.execute(notebook, DIR.resolve("executed"), env);
    assertThat(Notebooks.cellErrors(executed)).isEmpty();
    return BROWSER.load(Notebooks.toHtml(executed, DIR.resolve("html")), wait);
  }

  /** plotly.js from npm, through the project's fetch script (downloads once, then reuses). */
  private static Path fetchPlotly() {
    Path script = Notebooks.moduleDir().resolveSibling("data").resolve("fetch-plotly.sh");
    ProcessRunner.Result result =
        ProcessRunner.run(
            List.of("bash", script.toString()),
            Notebooks.moduleDir(),
            Map.of(),
            Duration.ofMinutes(5));
    assertThat(result.exitCode()).as(result.output()).isZero();
    String[] lines = result.output().strip().split("\n");
    Path plotly = Path.of(lines[lines.length - 1]);
    assertThat(plotly).isRegularFile();
    return plotly;
  }

  /** Writes a Java notebook with one code cell per source. */
  private static Path writeNotebook(String name, String... sources) throws IOException {
    List<Map<String, Object>> cells = new ArrayList<>();
    for (int i = 0; i < sources.length; i++) {
      cells.add(
          Map.of(
              "cell_type",
              "code",
              "id",
              "cell-" + i,
              "execution_count",
              0,
              "metadata",
              Map.of(),
              "outputs",
              List.of(),
              "source",
              sources[i]));
    }
    Map<String, Object> notebook =
        Map.of(
            "nbformat",
            4,
            "nbformat_minor",
            5,
            "cells",
            cells,
            "metadata",
            Map.of(
                "kernelspec",
                    Map.of("name", "java", "display_name", "Java (αVIL)", "language", "java"),
                "language_info", Map.of("name", "java")));
    Files.createDirectories(DIR);
    Path path = DIR.resolve(name);
    Files.writeString(path, new GsonBuilder().setPrettyPrinting().create().toJson(notebook));
    return path;
  }
}
