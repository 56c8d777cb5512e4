package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks {@link NotebooksIT}'s browser check on generated notebooks and pages: a real plotly figure
 * whose plotly.js is inlined in the output must render offline, and a page that tries to reach the
 * network or has a plot that never draws must be reported. A toolkit figure, in a notebook's HTML
 * export and in a {@code report.html}, must show a drawn image where JavaScript is off (judged by a
 * screenshot's pixels) and only its chart where it is on; figure areas that are empty, broken or
 * blank, and images left beside their chart, must be reported.
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

  @Test
  void toolkitFiguresShowAnImageWithoutJavaScriptAndTheirChartWithIt() throws Exception {
    Path report = DIR.resolve("report/report.html");
    Files.deleteIfExists(report);
    Path notebook =
        writeNotebook(
            "toolkit-figure.ipynb",
            "%maven dev.avil:avil-toolkit:0.1.0-SNAPSHOT",
            "Table weights = Table.create(\"weights\", IntColumn.create(\"epoch\", 1, 2, 3, 1, 2, 3),\n"
                + "    DoubleColumn.create(\"weight\", 1, 0.8, 0.9, 1, 0.4, 0.1),\n"
                + "    StringColumn.create(\"task\", \"right\", \"right\", \"right\", \"noise\", \"noise\", \"noise\"));\n"
                + "var figure = dev.avil.report.Figures.lines(\n"
                + "    weights, \"epoch\", \"weight\", \"task\", \"Task weights\", \"epoch\", \"weight\");",
            "new dev.avil.report.HtmlReport(\"two figures\").figure(figure).figure(figure)\n"
                + "    .save(Path.of(System.getenv(\"AVIL_REPORT\")));",
            "figure");
    HeadlessChromium.PageReport page =
        run(notebook, Map.of("AVIL_REPORT", report.toString()), Duration.ofSeconds(60));
    Path html = DIR.resolve("html").resolve("toolkit-figure.html");
    checkFigures(page, html, "toolkit-figure", 1);
    checkFigures(BROWSER.load(report, Duration.ofSeconds(60)), report, "report", 2);
  }

  /**
   * With JavaScript: {@code figures} figures, each with its chart and without its image; without:
   * each area holds a drawn image (screenshots in {@code browser-check/no-js-screenshots}).
   */
  private static void checkFigures(
      HeadlessChromium.PageReport page, Path html, String name, int figures) throws Exception {
    assertThat(page.figures()).as("figures in %s", name).isEqualTo(figures);
    assertThat(page.figuresWithChart()).as("figures with their chart").isEqualTo(figures);
    assertThat(page.staticImagesShown()).as("static images shown with JavaScript").isZero();
    assertThat(NotebooksIT.browserProblems(page)).isEmpty();
    List<FigureShots.Shot> shots = BROWSER.figuresWithoutJavaScript(html);
    FigureShots.write(shots, DIR.resolve("no-js-screenshots"), name);
    assertThat(shots).hasSize(figures);
    assertThat(FigureShots.problems(shots, page.plots())).isEmpty();
  }

  @Test
  void figureAreasWithoutADrawnImageAreReported() throws Exception {
    String frame =
        "<svg xmlns='http://www.w3.org/2000/svg' width='760' height='420'>"
            + "<rect x='1' y='1' width='758' height='418' fill='white' stroke='#888'/>"
            + "<text x='300' y='30' font-size='20'>A title and no data</text></svg>";
    String drawn =
        "<svg xmlns='http://www.w3.org/2000/svg' width='760' height='420'>"
            + "<polyline points='20,400 380,40 740,300' stroke='#1f77b4' stroke-width='4' fill='none'/>"
            + "<polyline points='20,300 380,350 740,60' stroke='#ff7f0e' stroke-width='4' fill='none'/>"
            + "</svg>";
    Path page = DIR.resolve("figure-areas.html");
    Files.createDirectories(DIR);
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body>"
            + "<div class='avil-figure'><div id='plot'></div></div>" // a plotly div, never drawn
            + image("a broken image", "data:image/png;base64,AAAA")
            + image("a frame", svg(frame))
            + image("a chart", svg(drawn))
            + "</body></html>");
    List<FigureShots.Shot> shots = BROWSER.figuresWithoutJavaScript(page);
    FigureShots.write(shots, DIR.resolve("no-js-screenshots"), "figure-areas");
    assertThat(shots)
        .extracting(FigureShots.Shot::drawn)
        .containsExactly(false, false, false, true);
    assertThat(FigureShots.problems(shots, 4)).hasSize(3);
    assertThat(FigureShots.problems(shots.subList(3, 4), 2))
        .containsExactly(
            "1 figure areas without JavaScript, but 2 plots with it: each needs its static image");
  }

  @Test
  void aStaticImageBesideTheChartIsReported() throws Exception {
    Path page = DIR.resolve("image-beside-chart.html");
    Files.createDirectories(DIR);
    String image =
        "<img class='avil-static' width='200' height='100' src='data:image/png;base64,'>";
    String chart =
        "<div class='js-plotly-plot'><svg class='main-svg' width='10' height='10'></svg></div>";
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body>"
            + "<div class='avil-figure'>"
            + image
            + chart
            + "</div>" // both on screen
            + "<div class='avil-figure'>"
            + chart
            + "</div>" // swapped, as it should be
            + "<div class='avil-figure'>"
            + image
            + "</div>" // no chart
            + "</body></html>");
    HeadlessChromium.PageReport report = BROWSER.load(page, Duration.ofSeconds(5));
    assertThat(report.figures()).isEqualTo(3);
    assertThat(report.figuresWithChart()).isEqualTo(2);
    assertThat(report.staticImagesShown()).isEqualTo(2);
    assertThat(NotebooksIT.browserProblems(report))
        .containsExactly(
            "1 of 3 figures have no interactive chart with JavaScript on",
            "2 of 3 figures still show their static image beside the chart");
  }

  private static String image(String alt, String src) {
    return "<div class='avil-figure'><img class='avil-static' width='760' height='420' alt='"
        + alt
        + "' src='"
        + src
        + "'></div>";
  }

  private static String svg(String svg) {
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
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
