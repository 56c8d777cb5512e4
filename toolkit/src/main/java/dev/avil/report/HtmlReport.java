package dev.avil.report;

import dev.avil.store.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * A page of headings, text, tables and figures. Written as a file ({@link #save}) it is a
 * standalone HTML page with plotly.js inlined once: it opens offline and loads nothing from the
 * network. Each figure shows its static image where scripts do not run, and its interactive chart
 * in place of the image where they do ({@link Html#figure(Figure)}). In a notebook its {@link
 * #body} goes into a cell's output, each figure drawn as the notebook draws figures.
 *
 * <pre>{@code
 * new HtmlReport("αVIL on MultiMNIST").table(c.table()).figure(c.plot()).save(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  private final String title;

  /** The page's parts in order: HTML text, or a figure drawn when the page is. */
  private final List<Object> parts = new ArrayList<>();

  /** A page titled {@code title}. */
  public HtmlReport(String title) {
    this.title = title;
  }

  /** Adds a section heading. */
  public HtmlReport heading(String text) {
    parts.add("<h2>" + Html.escape(text) + "</h2>");
    return this;
  }

  /** Adds a paragraph of plain text. */
  public HtmlReport paragraph(String text) {
    parts.add("<p>" + Html.escape(text) + "</p>");
    return this;
  }

  /** Adds a bulleted list of plain-text items. */
  public HtmlReport list(List<String> items) {
    StringBuilder s = new StringBuilder("<ul>");
    items.forEach(i -> s.append("<li>").append(Html.escape(i)).append("</li>"));
    parts.add(s.append("</ul>").toString());
    return this;
  }

  /** Adds a table. */
  public HtmlReport table(Table t) {
    parts.add(Html.table(t));
    return this;
  }

  /** Adds a figure. */
  public HtmlReport figure(Figure f) {
    parts.add(f);
    return this;
  }

  /** The page's content without its title, each figure as {@code figure} draws it. */
  public String body(Function<Figure, String> figure) {
    StringBuilder s = new StringBuilder();
    for (Object p : parts) {
      s.append(p instanceof Figure f ? figure.apply(f) : (String) p);
    }
    return s.toString();
  }

  /** The page as a standalone HTML document. */
  public String html() {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + Html.escape(title)
        + "</title>"
        + Html.style()
        + Plotly.scriptTag()
        + "</head><body class=\"avil\"><h1>"
        + Html.escape(title)
        + "</h1>"
        + body(Html::figure)
        + "</body></html>";
  }

  /** Writes the page to {@code file}, atomically, creating its folder. */
  public void save(Path file) {
    AtomicFiles.write(file, html());
  }
}
