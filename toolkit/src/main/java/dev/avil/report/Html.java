package dev.avil.report;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Figure;

/**
 * HTML fragments of tables and figures. A figure's fragment draws into its own div and expects
 * plotly.js on the page ({@link Plotly#scriptTag()}) once.
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

  /** A figure as a div and the script that draws it. */
  public static String figure(Figure f) {
    // Tablesaw names a JavaScript variable after the div, so the id must be a valid identifier.
    String id = PREFIX + IDS.incrementAndGet();
    return f.divString(id) + f.asJavascript(id);
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
