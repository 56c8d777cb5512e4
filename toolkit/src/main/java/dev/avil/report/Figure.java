package dev.avil.report;

import dev.avil.store.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * A figure of the toolkit, drawn two ways from the same data and titles: interactively by plotly.js
 * ({@link #plotly()}) where JavaScript runs, and as a static image ({@link #svg()}, drawn by
 * JFreeChart) where it does not: a notebook on GitHub, an untrusted notebook, an HTML export viewed
 * without scripts. In a notebook and in a {@link HtmlReport} the static image comes first and the
 * interactive chart replaces it once plotly.js has drawn, so exactly one of them is on screen.
 *
 * <pre>{@code
 * Figure f = results.weightPlot();
 * f.save(Path.of("weights.svg"));   // or "weights.png"
 * }</pre>
 *
 * <p>A figure is immutable; {@link Figures} makes them.
 */
public final class Figure {
  /** Width and height in CSS pixels, of the interactive chart and of the image alike. */
  static final int WIDTH = 760;

  static final int HEIGHT = 420;

  /** The file types {@link #save} writes. */
  private static final List<String> EXTENSIONS = List.of(".svg", ".png");

  /** How a trace is drawn. */
  enum Mark {
    /** Lines through markers, over numeric x. */
    LINES,
    /** A half-transparent bar per category. */
    BARS,
    /** A marker per value, over categories. */
    POINTS
  }

  /**
   * One trace: its name in the legend, how it is drawn, and its points. A {@link Mark#LINES} trace
   * has numeric {@code x} and no categories; the others have a category per value and no {@code x}.
   * A NaN value is a gap.
   */
  record Trace(String name, Mark mark, double[] x, String[] categories, double[] y) {
    static Trace lines(String name, double[] x, double[] y) {
      return new Trace(name, Mark.LINES, x.clone(), null, y.clone());
    }

    static Trace bars(String name, String[] categories, double[] y) {
      return new Trace(name, Mark.BARS, null, categories.clone(), y.clone());
    }

    static Trace points(String name, String[] categories, double[] y) {
      return new Trace(name, Mark.POINTS, null, categories.clone(), y.clone());
    }
  }

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final double[] yRange;
  private final List<Trace> traces;

  /**
   * A figure of {@code traces}, all over numeric x or all over categories.
   *
   * @param xTitle the x axis' title, or null for none
   * @param yRange the y axis' range {@code {low, high}}, or null to fit the data
   */
  Figure(String title, String xTitle, String yTitle, double[] yRange, List<Trace> traces) {
    long lines = traces.stream().filter(t -> t.mark() == Mark.LINES).count();
    if (lines != 0 && lines != traces.size()) {
      throw new IllegalArgumentException(
          "a figure's traces are all lines (numeric x) or all bars and points (categories); got "
              + traces.stream().map(Trace::mark).toList());
    }
    if (traces.stream().map(Trace::name).distinct().count() != traces.size()) {
      throw new IllegalArgumentException(
          "a figure's traces need distinct names; got "
              + traces.stream().map(Trace::name).toList());
    }
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.yRange = yRange == null ? null : yRange.clone();
    this.traces = List.copyOf(traces);
  }

  /** The figure's title. */
  public String title() {
    return title;
  }

  /** The names of its traces, in the order they are drawn and listed in the legend. */
  public List<String> traces() {
    return traces.stream().map(Trace::name).toList();
  }

  /**
   * The interactive figure, as Tablesaw's jsplot builds plotly figures: a new one on every call, so
   * that changing it (its layout, say) changes neither this figure nor its static image.
   */
  public tech.tablesaw.plotly.components.Figure plotly() {
    List<tech.tablesaw.plotly.traces.Trace> out = new ArrayList<>();
    for (Trace t : traces) {
      out.add(
          switch (t.mark()) {
            case LINES ->
                ScatterTrace.builder(t.x(), t.y())
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .name(t.name())
                    .build();
            case BARS ->
                BarTrace.builder(t.categories(), t.y()).name(t.name()).opacity(0.5).build();
            case POINTS ->
                ScatterTrace.builder(
                        StringColumn.create("x", t.categories()), DoubleColumn.create("y", t.y()))
                    .mode(ScatterTrace.Mode.MARKERS)
                    .marker(Marker.builder().size(9).build())
                    .name(t.name())
                    .build();
          });
    }
    Axis.AxisBuilder y = Axis.builder().title(yTitle);
    if (yRange != null) {
      y.range(yRange[0], yRange[1]);
    }
    Layout.LayoutBuilder layout = Layout.builder().title(title).height(HEIGHT).width(WIDTH);
    if (xTitle != null) {
      layout.xAxis(Axis.builder().title(xTitle).build());
    }
    return new tech.tablesaw.plotly.components.Figure(
        layout.yAxis(y.build()).build(), out.toArray(new tech.tablesaw.plotly.traces.Trace[0]));
  }

  /**
   * The static image as a standalone SVG document that scales to its container. What each trace
   * draws is in groups that name it: {@code <g jfreesvg:ref='{"trace": "NAME"}'>}.
   */
  public String svg() {
    return StaticImage.svg(this);
  }

  /**
   * Writes the static image to {@code file}, atomically, creating its folder: SVG for a name ending
   * in {@code .svg}, PNG (at twice the size, sharp on dense screens and in print) for {@code .png}.
   *
   * @throws IllegalArgumentException if the name ends in another extension, or none; the message
   *     names it and those accepted
   */
  public void save(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    switch (extension) {
      case ".svg" -> AtomicFiles.write(file, svg());
      case ".png" -> AtomicFiles.write(file, StaticImage.png(this, 2));
      default ->
          throw new IllegalArgumentException(
              "cannot save figure \""
                  + title
                  + "\" as "
                  + file
                  + ": "
                  + (extension.isEmpty() ? "no extension" : "extension \"" + extension + "\"")
                  + " is not supported; accepted: "
                  + String.join(", ", EXTENSIONS));
    }
  }

  String xTitle() {
    return xTitle;
  }

  String yTitle() {
    return yTitle;
  }

  /** The y axis' range {@code {low, high}}, or null to fit the data. */
  double[] yRange() {
    return yRange == null ? null : yRange.clone();
  }

  List<Trace> traceData() {
    return traces;
  }

  /** Whether the traces are over categories (bars, points) rather than numeric x. */
  boolean categorical() {
    return traces.stream().anyMatch(t -> t.mark() != Mark.LINES);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Figure \"%s\" (%d traces: %s)", title, traces.size(), traces());
  }
}
