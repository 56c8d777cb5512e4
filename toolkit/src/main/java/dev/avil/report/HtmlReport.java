package dev.avil.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * A standalone HTML page of headings, text, tables and figures, with plotly.js inlined once: it
 * opens offline and loads nothing from the network.
 *
 * <pre>{@code
 * new HtmlReport("αVIL on MultiMNIST").table(c.table()).figure(c.plot()).write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  private final String title;
  private final StringBuilder body = new StringBuilder();

  /** A page titled {@code title}. */
  public HtmlReport(String title) {
    this.title = title;
    body.append("<h1>").append(Html.escape(title)).append("</h1>");
  }

  /** Adds a section heading. */
  public HtmlReport heading(String text) {
    body.append("<h2>").append(Html.escape(text)).append("</h2>");
    return this;
  }

  /** Adds a paragraph of plain text. */
  public HtmlReport paragraph(String text) {
    body.append("<p>").append(Html.escape(text)).append("</p>");
    return this;
  }

  /** Adds a table. */
  public HtmlReport table(Table t) {
    body.append(Html.table(t));
    return this;
  }

  /** Adds a figure. */
  public HtmlReport figure(Figure f) {
    body.append(Html.figure(f));
    return this;
  }

  /** The page as HTML text. */
  public String html() {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + Html.escape(title)
        + "</title>"
        + Html.style()
        + Plotly.scriptTag()
        + "</head><body class=\"avil\">"
        + body
        + "</body></html>";
  }

  /** Writes the page to {@code file}, creating its folder. */
  public void write(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
