package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.report.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV round trips and the standalone report. */
class ResultsIoTest {
  private static Comparison comparison;

  @BeforeAll
  static void run() {
    comparison = TinyComparison.run("noise \"quoted\"", 2, Method.singleTask(),
        Method.alphaVil(a -> a.alphaSteps(3).rho(0.5)), Method.uniform().named("uni, form"));
  }

  @Test
  void resultsReadBackEqual() throws IOException {
    Path dir = Files.createTempDirectory("results");
    Results r = comparison.runs().get(1);
    r.write(dir);
    Results back = Results.read(dir);
    assertThat(back).isEqualTo(r);
    assertThat(back.records()).isEqualTo(r.records());
    assertThat(back.config()).isEqualTo(r.config());
    assertThat(back.testAtBest()).isEqualTo(r.testAtBest());
  }

  @Test
  void aComparisonReadsBackEqualRuns() throws IOException {
    Path dir = Files.createTempDirectory("comparison");
    comparison.report(dir);
    Comparison back = Comparison.read(dir);
    assertThat(back.runs()).isEqualTo(comparison.runs());
    assertThat(back.methods()).containsExactly("single-task", "αVIL(rho=0.5 alphaSteps=3)", "uni, form");
    assertThat(back.table().toString()).isEqualTo(comparison.table().toString());
    List<List<String>> table = Csv.read(dir.resolve("comparison.csv"));
    assertThat(table).hasSize(4);
    assertThat(table.get(3).get(0)).isEqualTo("uni, form");
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndReadsItBack() throws IOException {
    Path f = Files.createTempFile("q", ".csv");
    List<List<String>> rows = List.of(List.of("a", "b,c", "say \"hi\""), List.of("line\nbreak", "", "0.1"));
    Csv.write(f, rows);
    assertThat(Csv.read(f)).isEqualTo(rows);
  }

  @Test
  void theReportInlinesPlotlyOnceAndLoadsNothingFromOutside() throws IOException {
    Path dir = Files.createTempDirectory("report");
    comparison.report(dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("plotly.js v2.35.3");
    assertThat(count(html, "plotly.js v2.35.3")).isEqualTo(1);
    assertThat(count(html, "Plotly.newPlot")).isGreaterThanOrEqualTo(2);
    // outside the inlined library, no element fetches anything: no script/img/iframe src, no
    // stylesheet link, no CSS import (the library's own source mentions map-tile URLs in strings)
    int lib = html.indexOf("plotly.js v2.35.3");
    String page = html.substring(0, lib) + html.substring(html.indexOf("</script>", lib));
    assertThat(page).contains("<table").contains("Plotly.newPlot");
    Matcher m = Pattern.compile("<(script|img|iframe|link|source|video|audio)\\b[^>]*\\b(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(page);
    assertThat(m.find()).as("an element that loads a URL").isFalse();
    assertThat(page).doesNotContain("@import").doesNotContain("cdn.plot.ly").doesNotContain("http");
    assertThat(Files.exists(dir.resolve("history.csv"))).isTrue();
    assertThat(Files.exists(dir.resolve("comparison.csv"))).isTrue();
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
