package dev.avil.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * HTML fragments of tables and figures. A figure's fragment shows its static image and draws its
 * interactive chart over it into its own div where plotly.js is on the page ({@link
 * Plotly#scriptTag()}, once).
 *
 * <pre>{@code
 * String html = Html.style() + Html.table(c.table()) + Plotly.scriptTag() + Html.figure(c.plot());
 * }</pre>
 */
public final class Html {
  private static final AtomicLong IDS = new AtomicLong();

  /** Differs between processes, so plots of a restarted notebook kernel never reuse a div id. */
  private static final String PREFIX =
      "avilPlot" + Long.toString(System.nanoTime() & 0xffffffL, 36) + "x";

  private Html() {}

  /** Escapes text for HTML. */
  public static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /**
   * A table as an HTML {@code <table>}, numbers to 4 significant places, with its name as caption.
   */
  public static String table(Table t) {
    StringBuilder s = new StringBuilder("<table class=\"avil\">");
    if (t.name() != null && !t.name().isBlank()) {
      s.append("<caption>").append(escape(t.name())).append("</caption>");
    }
    s.append("<thead><tr>");
    for (String c : t.columnNames()) {
      s.append("<th>").append(escape(c)).append("</th>");
    }
    s.append("</tr></thead><tbody>");
    for (int r = 0; r < t.rowCount(); r++) {
      s.append("<tr>");
      for (Column<?> c : t.columns()) {
        boolean num = c instanceof NumericColumn<?>;
        s.append(num ? "<td class=\"num\">" : "<td>").append(escape(cell(c, r))).append("</td>");
      }
      s.append("</tr>");
    }
    return s.append("</tbody></table>").toString();
  }

  private static String cell(Column<?> c, int r) {
    if (c.isMissing(r)) {
      return "";
    }
    if (c instanceof NumericColumn<?> n && c.type().name().equals("DOUBLE")) {
      double v = n.getDouble(r);
      return Math.abs(v) >= 1e4 || v == Math.rint(v)
          ? String.format(Locale.ROOT, "%.4g", v)
          : String.format(Locale.ROOT, "%.4f", v);
    }
    return c.getString(r);
  }

  /**
   * A figure in a {@code div.avil-figure}: its static image first, then the div and script of its
   * interactive chart, then a script that removes the image once plotly.js has drawn the chart.
   * Where scripts do not run (or plotly.js is missing) the image stays; either way one figure is on
   * screen.
   */
  public static String figure(Figure f) {
    String id = newId();
    String image = Base64.getEncoder().encodeToString(f.svg().getBytes(StandardCharsets.UTF_8));
    return "<div class=\"avil-figure\" style=\"display:inline-block;max-width:100%\" id=\""
        + id
        + "f\"><img class=\"avil-static\" width=\""
        + Figure.WIDTH
        + "\" height=\""
        + Figure.HEIGHT
        + "\" style=\"max-width:100%;height:auto\" alt=\""
        + escape(f.title())
        + "\" src=\"data:image/svg+xml;base64,"
        + image
        + "\">"
        + interactive(f.plotly(), id)
        + "<script>(function () { var figure = document.getElementById('"
        + id
        + "f'), tries = 0; (function swap() {"
        + " if (figure.querySelector('.main-svg')) {"
        + " var image = figure.querySelector('.avil-static'); if (image) { image.remove(); } }"
        + " else if (tries++ < 50) { setTimeout(swap, 100); } })(); })();</script></div>";
  }

  /**
   * A jsplot figure as a div and the script that draws it. It has no static image, so it stays
   * blank where scripts do not run; the toolkit's own figures are {@link Figure}s.
   */
  public static String figure(tech.tablesaw.plotly.components.Figure f) {
    return interactive(f, newId());
  }

  private static String interactive(tech.tablesaw.plotly.components.Figure f, String id) {
    return f.divString(id) + f.asJavascript(id);
  }

  /** Tablesaw names a JavaScript variable after the div, so the id is a valid identifier. */
  private static String newId() {
    return PREFIX + IDS.incrementAndGet();
  }

  /** The style sheet of tables and pages. */
  public static String style() {
    return "<style>table.avil{border-collapse:collapse;margin:0.5em 0;font:13px sans-serif}"
        + "table.avil caption{font-weight:bold;text-align:left;padding:4px 0}"
        + "table.avil th,table.avil td{border:1px solid #ccc;padding:3px 8px}"
        + "table.avil th{background:#f3f3f3}table.avil td.num{text-align:right;font-variant-numeric:tabular-nums}"
        + "body.avil{font:14px sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}</style>";
  }
}
