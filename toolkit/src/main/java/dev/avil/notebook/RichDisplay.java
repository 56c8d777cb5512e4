package dev.avil.notebook;

import dev.avil.api.Comparison;
import dev.avil.api.Results;
import dev.avil.report.ComparisonViews;
import dev.avil.report.Figure;
import dev.avil.report.Html;
import dev.avil.report.Plotly;
import dev.avil.report.RunViews;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

/**
 * How results, comparisons, tables and figures look in a notebook: {@code text/html} and {@code
 * text/plain}. plotly.js goes into the first figure this instance renders and never again, so a
 * notebook carries it once; the kernel installs one instance per process, that is per notebook
 * session. The toolkit's {@link Figure}s carry their static image too, which stays where the
 * notebook is viewed without scripts (GitHub, an untrusted notebook, an HTML export); a jsplot
 * figure made with Tablesaw's own API is interactive only.
 */
final class RichDisplay {
  private final AtomicBoolean plotlySent = new AtomicBoolean();
  private final AtomicLong figures = new AtomicLong();

  /** Keeps element ids apart from those of an earlier kernel session still on the page. */
  private final String session =
      Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

  /** Registers the five types on {@code renderer}, preferring HTML. */
  void registerOn(Renderer renderer) {
    register(renderer, Results.class, r -> html(r), RichDisplay::text);
    register(renderer, Comparison.class, c -> html(c), RichDisplay::text);
    register(renderer, Table.class, t -> html(t), RichDisplay::text);
    register(renderer, Figure.class, f -> html(f), RichDisplay::text);
    register(
        renderer, tech.tablesaw.plotly.components.Figure.class, f -> html(f), RichDisplay::text);
  }

  /** Shows {@code type} as HTML where the front end can, as plain text otherwise. */
  private static <T> void register(
      Renderer renderer, Class<T> type, Function<T, Object> html, Function<T, Object> text) {
    renderer
        .createRegistration(type)
        .supporting(MIMEType.TEXT_PLAIN)
        .preferring(MIMEType.TEXT_HTML)
        .register((v, ctx) -> render(ctx, () -> html.apply(v), () -> text.apply(v)));
  }

  /** Fills only the types asked for, so that plain text alone never uses up plotly.js. */
  private static void render(RenderContext ctx, Supplier<Object> html, Supplier<Object> text) {
    ctx.renderIfRequested(MIMEType.TEXT_HTML, html);
    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, text);
  }

  /** The run's page ({@link RunViews#page}): the summary table, the weight plot, the curves. */
  String html(Results r) {
    return Html.style() + RunViews.page(r).body(this::html);
  }

  /** The comparison's page, as {@code c.save(dir)} writes it ({@link ComparisonViews#page}). */
  String html(Comparison c) {
    return Html.style() + ComparisonViews.page(c).body(this::html);
  }

  String html(Table t) {
    return Html.style() + Html.table(t);
  }

  String html(Figure f) {
    return figure(Html.figure(f));
  }

  String html(tech.tablesaw.plotly.components.Figure f) {
    return figure(Html.figure(f));
  }

  /**
   * A figure's HTML, preceded by plotly.js if no figure was rendered before. If the page lacks
   * plotly.js (its first figure's output was cleared, or cells ran again in the same kernel), the
   * figure says so; a {@link Figure} shows its static image meanwhile.
   */
  private String figure(String figureHtml) {
    String id = "avilFigure" + session + "x" + figures.incrementAndGet();
    String library = plotlySent.compareAndSet(false, true) ? Plotly.scriptTag() : "";
    return library
        + "<div id=\""
        + id
        + "\">"
        + figureHtml
        + "</div>"
        + "<script>if (typeof Plotly === 'undefined') { document.getElementById('"
        + id
        + "').insertAdjacentHTML("
        + "'afterbegin', '<p style=\"color:#b00\">The interactive figure needs plotly.js, which the kernel sends"
        + " with the first figure of a session. Restart the kernel and run all cells to draw it.</p>'); }</script>";
  }

  static String text(Results r) {
    return r + "\n" + r.summary().print();
  }

  static String text(Comparison c) {
    String failures =
        c.failures().isEmpty() ? "" : "\nFailed runs:\n  " + String.join("\n  ", c.failures());
    return c + failures;
  }

  static String text(Table t) {
    return t.print();
  }

  static String text(Figure f) {
    return String.format(
        Locale.ROOT,
        "Figure \"%s\" (%d traces: %s; shown as HTML)",
        f.title(),
        f.traces().size(),
        String.join(", ", f.traces()));
  }

  static String text(tech.tablesaw.plotly.components.Figure f) {
    String title = f.getLayout() == null ? null : f.getLayout().getTitle();
    return String.format(
        Locale.ROOT,
        "Figure%s (%d traces; shown as HTML)",
        title == null ? "" : " \"" + title + "\"",
        f.getTraces().length);
  }
}
