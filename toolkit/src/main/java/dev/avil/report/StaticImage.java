package dev.avil.report;

import dev.avil.report.Figure.Mark;
import dev.avil.report.Figure.Trace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The static image of a {@link Figure}, drawn by JFreeChart from the figure's own traces and
 * titles: SVG through JFreeSVG, PNG through {@link ImageIO}. It follows plotly.js's defaults (its
 * colours in trace order, light grid, legend on the right only for several traces), so that the
 * image and the interactive chart look alike. What a trace draws is in SVG groups that name it
 * ({@link TraceRenderers}).
 */
final class StaticImage {
  /** plotly.js's default colours, taken by the traces in order as plotly.js takes them. */
  private static final Color[] COLOURS = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  private static final Color TEXT = new Color(0x444444);
  private static final Color GRID = new Color(0xeeeeee);
  private static final BasicStroke GRID_LINE = new BasicStroke(1f);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private StaticImage() {}

  /** The figure as a standalone SVG document that scales to its container. */
  static String svg(Figure f) {
    SVGGraphics2D g = new SVGGraphics2D(Figure.WIDTH, Figure.HEIGHT);
    g.setGeomDoubleConverter(StaticImage::twoPlaces); // a hundredth of a pixel is fine enough
    chart(f).draw(g, new Rectangle(0, 0, Figure.WIDTH, Figure.HEIGHT));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + g.getSVGElement(null, true, new ViewBox(0, 0, Figure.WIDTH, Figure.HEIGHT), null, null)
        + "\n";
  }

  private static String twoPlaces(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v)
        .setScale(2, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The figure as a PNG image, {@code scale} times its size in CSS pixels. */
  static byte[] png(Figure f, int scale) {
    BufferedImage image =
        new BufferedImage(Figure.WIDTH * scale, Figure.HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.scale(scale, scale);
      chart(f).draw(g, new Rectangle(0, 0, Figure.WIDTH, Figure.HEIGHT));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the PNG of " + f, e);
    }
    return out.toByteArray();
  }

  /** The chart: an XY plot for lines, a category plot for bars and points. */
  static JFreeChart chart(Figure f) {
    Plot plot = f.categorical() ? categoryPlot(f) : xyPlot(f);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    boolean legend = f.traceData().size() > 1;
    JFreeChart chart = new JFreeChart(f.title(), TITLE, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setPaint(TEXT);
    if (legend) {
      chart.getLegend().setPosition(RectangleEdge.RIGHT);
      chart.getLegend().setFrame(BlockBorder.NONE);
      chart.getLegend().setItemFont(TICK);
      chart.getLegend().setItemPaint(TEXT);
    }
    return chart;
  }

  private static XYPlot xyPlot(Figure f) {
    XYSeriesCollection data = new XYSeriesCollection();
    TraceRenderers.Lines renderer = new TraceRenderers.Lines();
    boolean wholeX = true;
    for (Trace t : f.traceData()) {
      XYSeries s = new XYSeries(t.name(), false, true);
      for (int i = 0; i < t.x().length; i++) {
        s.add(t.x()[i], t.y()[i]);
        wholeX &= t.x()[i] == Math.rint(t.x()[i]);
      }
      int series = data.getSeriesCount();
      data.addSeries(s);
      renderer.setSeriesPaint(series, colour(series));
      renderer.setSeriesStroke(series, new BasicStroke(2f));
      renderer.setSeriesShape(series, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    NumberAxis x = axis(f.xTitle());
    if (wholeX) {
      x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    XYPlot plot = new XYPlot(data, x, valueAxis(f), renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later traces on top, as plotly
    plot.setDomainGridlinePaint(GRID);
    plot.setDomainGridlineStroke(GRID_LINE);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(GRID_LINE);
    return plot;
  }

  private static CategoryPlot categoryPlot(Figure f) {
    Set<String> categories = new LinkedHashSet<>();
    f.traceData().forEach(t -> categories.addAll(Arrays.asList(t.categories())));
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    DefaultMultiValueCategoryDataset points = new DefaultMultiValueCategoryDataset();
    TraceRenderers.Bars barRenderer = new TraceRenderers.Bars();
    barRenderer.setBarPainter(new StandardBarPainter());
    barRenderer.setShadowVisible(false);
    barRenderer.setDrawBarOutline(false);
    TraceRenderers.Points pointRenderer = new TraceRenderers.Points();
    pointRenderer.setUseSeriesOffset(false);
    List<Trace> traces = f.traceData();
    for (int i = 0; i < traces.size(); i++) {
      Trace t = traces.get(i);
      if (t.mark() == Mark.BARS) {
        Color c = colour(i);
        barRenderer.setSeriesPaint(
            bars.getRowCount(), new Color(c.getRed(), c.getGreen(), c.getBlue(), 128));
        for (String category : categories) {
          bars.addValue(valueAt(t, category), t.name(), category);
        }
      } else {
        pointRenderer.setSeriesPaint(points.getRowCount(), colour(i));
        pointRenderer.setSeriesShape(points.getRowCount(), new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        for (String category : categories) {
          points.add(valuesAt(t, category), t.name(), category);
        }
      }
    }
    CategoryAxis x = new CategoryAxis(f.xTitle());
    style(x);
    CategoryPlot plot = new CategoryPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(valueAxis(f));
    int dataset = 0;
    if (bars.getRowCount() > 0) {
      plot.setDataset(dataset, bars);
      plot.setRenderer(dataset++, barRenderer);
    }
    if (points.getRowCount() > 0) {
      plot.setDataset(dataset, points);
      plot.setRenderer(dataset, pointRenderer);
    }
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // points over bars
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(GRID_LINE);
    return plot;
  }

  /** A trace's single value at a category (a bar's height), or null for none or NaN. */
  private static Double valueAt(Trace t, String category) {
    for (int i = 0; i < t.categories().length; i++) {
      if (t.categories()[i].equals(category) && !Double.isNaN(t.y()[i])) {
        return t.y()[i];
      }
    }
    return null;
  }

  /** A trace's values at a category, NaN left out. */
  private static List<Double> valuesAt(Trace t, String category) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < t.categories().length; i++) {
      if (t.categories()[i].equals(category) && !Double.isNaN(t.y()[i])) {
        values.add(t.y()[i]);
      }
    }
    return values;
  }

  private static Color colour(int trace) {
    return COLOURS[trace % COLOURS.length];
  }

  /** The y axis: the figure's range if it has one, else fitted to the data without forcing 0. */
  private static NumberAxis valueAxis(Figure f) {
    NumberAxis y = axis(f.yTitle());
    double[] range = f.yRange();
    if (range != null) {
      y.setRange(range[0], range[1]);
    }
    return y;
  }

  private static NumberAxis axis(String title) {
    NumberAxis a = new NumberAxis(title);
    a.setAutoRangeIncludesZero(false);
    style(a);
    return a;
  }

  private static void style(org.jfree.chart.axis.Axis a) {
    a.setLabelFont(LABEL);
    a.setLabelPaint(TEXT);
    a.setTickLabelFont(TICK);
    a.setTickLabelPaint(TEXT);
    a.setAxisLinePaint(GRID);
    a.setTickMarkPaint(GRID);
  }
}
