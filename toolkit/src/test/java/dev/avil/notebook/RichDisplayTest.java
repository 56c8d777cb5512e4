package dev.avil.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Comparison;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.api.TinyComparison;
import dev.avil.report.Figure;
import dev.avil.report.Html;
import dev.avil.report.Plotly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kernel shows for results, comparisons, tables and figures, through JJava's renderer. */
class RichDisplayTest {
  /** How each figure starts. */
  private static final String FIGURE = "<div id=\"avilFigure";

  private static Comparison comparison;
  private Renderer renderer;

  @BeforeAll
  static void train() {
    comparison =
        TinyComparison.run("noise", 2, Method.singleTask(), Method.alphaVil(a -> a.alphaSteps(2)));
  }

  /** A fresh renderer with a fresh extension: a new kernel session. */
  @BeforeEach
  void newSession() {
    renderer = new Renderer();
    new RichDisplay().registerOn(renderer);
  }

  private String html(Object value) {
    DisplayData d = renderer.render(value);
    assertThat(d.hasDataForType(MIMEType.TEXT_HTML))
        .as("%s renders as HTML", value.getClass().getSimpleName())
        .isTrue();
    return (String) d.getData(MIMEType.TEXT_HTML);
  }

  /** Whether {@code html} carries plotly.js (checked without printing it on failure). */
  private static boolean hasPlotly(String html) {
    return html.contains(Plotly.scriptTag());
  }

  private static int count(String s, String part) {
    return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void plotlyComesWithTheFirstFigureOnly() {
    Figure f = comparison.plot();
    String first = html(f);
    String second = html(f);
    assertThat(hasPlotly(first)).as("first figure carries plotly.js").isTrue();
    assertThat(hasPlotly(second)).as("second figure carries plotly.js").isFalse();
    assertThat(count(first, FIGURE)).isEqualTo(1);
    assertThat(count(second, FIGURE)).isEqualTo(1);
    assertThat(second.length()).isLessThan(first.length() - Plotly.source().length() + 1);
  }

  @Test
  void aNewSessionSendsPlotlyAgain() {
    Figure f = comparison.weightPlot();
    assertThat(hasPlotly(html(f))).as("first session").isTrue();
    newSession();
    assertThat(hasPlotly(html(f))).as("second session").isTrue();
  }

  @Test
  void plainTextAloneDoesNotUseUpPlotly() {
    Figure f = comparison.plot();
    DisplayData text = renderer.renderAs(f, "text/plain");
    assertThat(text.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
    assertThat((String) text.getData(MIMEType.TEXT_PLAIN)).contains("Target test accuracy");
    assertThat(hasPlotly(html(f))).as("HTML after plain text carries plotly.js").isTrue();
  }

  @Test
  void aFigureShowsItsStaticImageAndItsInteractiveChart() {
    Figure f = comparison.weightPlot();
    String html = html(f);
    assertThat(count(html, "<div class=\"avil-figure\"")).isEqualTo(1);
    assertThat(count(html, "<img class=\"avil-static\" ")).isEqualTo(1);
    assertThat(count(html, "Plotly.newPlot(target_")).isEqualTo(1);
    assertThat((String) renderer.renderAs(f, "text/plain").getData(MIMEType.TEXT_PLAIN))
        .isEqualTo(
            "Figure \"Task weights (mean over seeds)\" (4 traces: "
                + String.join(", ", f.traces())
                + "; shown as HTML)");
  }

  @Test
  void aWeightPlotOfSomeMethodsDrawsTheirLinesAlone() {
    String avil = comparison.methods().get(1);
    Figure some = comparison.weightPlot(avil);
    assertThat(some.traces()).hasSize(2).allMatch(t -> t.startsWith(avil + " · "));
    assertThat(comparison.weightPlot().traces()).hasSize(4);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> comparison.weightPlot("gcs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gcs'")
        .hasMessageContaining(avil);
  }

  @Test
  void aJsplotFigureStillShowsInteractively() {
    tech.tablesaw.plotly.components.Figure f = comparison.plot().plotly();
    String html = html(f);
    assertThat(hasPlotly(html)).isTrue();
    assertThat(count(html, FIGURE)).isEqualTo(1);
    assertThat(count(html, "Plotly.newPlot(target_")).isEqualTo(1);
    assertThat((String) renderer.renderAs(f, "text/plain").getData(MIMEType.TEXT_PLAIN))
        .isEqualTo(
            "Figure \"Target test accuracy at the best dev epoch\" (2 traces; shown as HTML)");
  }

  @Test
  void resultsShowTheirSummaryAndTwoPlots() {
    Results r = comparison.runs(comparison.methods().get(1)).get(0);
    DisplayData d = renderer.render(r);
    String html = (String) d.getData(MIMEType.TEXT_HTML);
    assertThat(html.contains(Html.table(r.summary()))).as("contains the summary table").isTrue();
    assertThat(hasPlotly(html)).as("the first results carry plotly.js").isTrue();
    assertThat(count(html, FIGURE)).isEqualTo(2);
    assertThat((String) d.getData(MIMEType.TEXT_PLAIN))
        .contains(r.toString())
        .contains(r.summary().print());
    assertThat(hasPlotly(html(comparison.runs().get(0))))
        .as("the second results carry plotly.js")
        .isFalse();
  }

  @Test
  void aComparisonShowsItsTableAndTwoPlots() {
    String html = html(comparison);
    assertThat(html.contains(Html.table(comparison.table())))
        .as("contains the comparison table")
        .isTrue();
    assertThat(count(html, FIGURE)).isEqualTo(2);
    assertThat(html.contains("Failed runs")).as("lists failed runs").isFalse();
  }

  @Test
  void aComparisonShowsThePageItsReportWrites(@TempDir Path dir) throws IOException {
    comparison.save(dir);
    String report = Files.readString(dir.resolve("report.html"));
    String html = html(comparison);
    for (String part :
        List.of(
            Html.table(comparison.table()),
            Html.table(comparison.perSeed()),
            "<h2>Task weights</h2>",
            "<h2>Runs</h2>",
            "Model selection by the target's dev accuracy")) {
      assertThat(html.contains(part)).as("the notebook shows %s", part).isTrue();
      assertThat(report.contains(part)).as("the report shows %s", part).isTrue();
    }
    String image = "<img class=\"avil-static\" ";
    assertThat(count(html, image)).as("static images in the notebook").isEqualTo(2);
    assertThat(count(report, image)).as("static images in the report").isEqualTo(2);
  }

  @Test
  void aComparisonSavesItsFiguresAsSvgBesideThePage(@TempDir Path dir) throws IOException {
    comparison.save(dir);
    assertThat(dir.resolve("report.html")).isRegularFile();
    for (var f :
        List.of(
            List.of("accuracy.svg", comparison.plot().title()),
            List.of("weights.svg", comparison.weightPlot().title()))) {
      String svg = Files.readString(dir.resolve(f.get(0)));
      assertThat(svg).as(f.get(0)).startsWith("<?xml").contains("<svg ").contains(f.get(1));
    }
  }

  @Test
  void aComparisonListsTheRunsThatDidNotFinish(@TempDir Path dir) throws IOException {
    comparison.save(dir);
    Path history = dir.resolve("history.csv");
    List<String> lines = Files.readAllLines(history);
    Files.write(history, lines.subList(0, lines.size() - 2)); // the last run loses its last records
    Comparison cut = Comparison.read(dir);
    assertThat(cut.failures()).hasSize(1);
    String html = html(cut);
    assertThat(html)
        .contains("<h2>Failed runs</h2>")
        .contains("<li>" + Html.escape(cut.failures().get(0)) + "</li>");
  }

  @Test
  void tablesRenderThroughTheReportHtml() {
    DisplayData d = renderer.render(comparison.perSeed());
    assertThat((String) d.getData(MIMEType.TEXT_HTML))
        .contains(Html.table(comparison.perSeed()))
        .doesNotContain("<script");
    assertThat((String) d.getData(MIMEType.TEXT_PLAIN)).isEqualTo(comparison.perSeed().print());
  }

  @Test
  void otherValuesKeepTheirPlainText() {
    DisplayData d = renderer.render(java.util.List.of(1, 2));
    assertThat(d.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
    assertThat((String) d.getData(MIMEType.TEXT_PLAIN)).isEqualTo("[1, 2]");
  }
}
