package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.store.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** CSV round trips and the standalone report. */
class ResultsIoTest {
  private static Comparison comparison;

  @BeforeAll
  static void run() {
    comparison =
        TinyComparison.run(
            "noise \"quoted\"",
            2,
            Method.singleTask(),
            Method.alphaVil(a -> a.alphaSteps(3).rho(0.5)),
            Method.uniform().named("uni, form"));
  }

  @Test
  void resultsReadBackEqual() throws IOException {
    Path dir = Files.createTempDirectory("results");
    Results r = comparison.runs().get(1);
    r.save(dir);
    Results back = Results.read(dir);
    assertThat(back).isEqualTo(r);
    assertThat(back.records()).isEqualTo(r.records());
    assertThat(back.config()).isEqualTo(r.config());
    assertThat(back.testAtBest()).isEqualTo(r.testAtBest());
  }

  @Test
  void aComparisonReadsBackEqualRuns() throws IOException {
    Path dir = Files.createTempDirectory("comparison");
    comparison.save(dir);
    Comparison back = Comparison.read(dir);
    assertThat(back.runs()).isEqualTo(comparison.runs());
    assertThat(back.methods())
        .containsExactly("single-task", "avil(alphaSteps=3 rho=0.5)", "uni, form");
    assertThat(back.table().toString()).isEqualTo(comparison.table().toString());
    Table table = Csv.read(dir.resolve("comparison.csv"));
    assertThat(table.columnNames()).isEqualTo(comparison.table().columnNames());
    assertThat(table.stringColumn("method").asList()).isEqualTo(back.methods());
    assertThat(Double.parseDouble(table.getString(1, "test acc mean")))
        .isEqualTo(comparison.table().doubleColumn("test acc mean").get(1));
  }

  @Test
  void csvKeepsEveryTextAsWrittenAndEveryNumberExactly() throws IOException {
    Path f = Files.createTempFile("q", ".csv");
    // Tablesaw trims unquoted fields and reads "NA", "null" and "NaN" as missing by default
    String[] texts = {"a", "b,c", "say \"hi\"", "line\nbreak", "", " padded ", "NA", "null", "NaN"};
    double[] numbers = {0.1, 1.0 / 3, -0.0, 1e-300, Double.NaN, 123456789.123, 7, 8, 9};
    Csv.write(
        f,
        Table.create(
            "t", StringColumn.create("text", texts), DoubleColumn.create("number", numbers)));
    Table back = Csv.read(f);
    assertThat(back.stringColumn("text").asList()).containsExactly(texts);
    for (int i = 0; i < numbers.length; i++) {
      String s = back.getString(i, "number");
      double read = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
      // Double.compare: NaN equals NaN, and -0.0 differs from 0.0
      assertThat(Double.compare(read, numbers[i])).as("%s read as %s", numbers[i], s).isZero();
    }
  }

  @Test
  void theReportInlinesPlotlyOnceAndLoadsNothingFromOutside() throws IOException {
    Path dir = Files.createTempDirectory("report");
    comparison.save(dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("plotly.js v2.35.3");
    assertThat(count(html, "plotly.js v2.35.3")).isEqualTo(1);
    assertThat(count(html, "Plotly.newPlot")).isGreaterThanOrEqualTo(2);
    // outside the inlined library, no element fetches anything: no script/img/iframe src but a
    // data: URI (a figure's static image), no stylesheet link, no CSS import (the library's own
    // source mentions map-tile URLs in strings)
    int lib = html.indexOf("plotly.js v2.35.3");
    String page =
        (html.substring(0, lib) + html.substring(html.indexOf("</script>", lib)))
            .replaceAll("data:[^\"']*", "data:"); // the images' own bytes are no URL
    assertThat(page).contains("<table").contains("Plotly.newPlot");
    Matcher m =
        Pattern.compile(
                "<(script|img|iframe|link|source|video|audio)\\b[^>]*\\b(src|href)\\s*=(?!\\s*[\"']?data:)",
                Pattern.CASE_INSENSITIVE)
            .matcher(page);
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
