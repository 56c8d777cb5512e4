package dev.avil.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.ItemKey;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

/**
 * JFreeChart's renderers for {@link StaticImage}, each wrapping what a trace draws in SVG groups
 * that name the trace, {@code <g jfreesvg:ref='{"trace": "NAME"}'>}, so that an SVG reader (or a
 * test) finds every trace by its name. Outside an SVG the groups are ignored.
 */
final class TraceRenderers {
  private TraceRenderers() {}

  /**
   * Names a trace in the SVG: its drawing is wrapped in {@code <g jfreesvg:ref='{"trace":
   * "NAME"}'>}.
   */
  record TraceKey(String trace) implements ItemKey {
    @Override
    public String toJSONString() {
      StringBuilder s = new StringBuilder("{\"trace\": \"");
      for (char c : trace.toCharArray()) {
        if (c == '"' || c == '\\') {
          s.append('\\').append(c);
        } else if (c < 0x20) {
          s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          s.append(c);
        }
      }
      return s.append("\"}").toString();
    }
  }

  /** Lines through markers; each trace's drawn in a group per pass that names it. */
  static final class Lines extends XYLineAndShapeRenderer {
    Lines() {
      super(true, true);
      setDrawSeriesLineAsPath(true); // one path per trace, not a line per segment
      setDrawOutlines(false); // plotly.js draws markers without outline
    }

    /** Draws every item, so that a trace's group opens at its first and closes at its last. */
    @Override
    public XYItemRendererState initialise(
        Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data, PlotRenderingInfo info) {
      XYItemRendererState state = super.initialise(g2, dataArea, plot, data, info);
      state.setProcessVisibleItemsOnly(false);
      return state;
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        XYItemRendererState state,
        Rectangle2D dataArea,
        PlotRenderingInfo info,
        XYPlot plot,
        ValueAxis domainAxis,
        ValueAxis rangeAxis,
        XYDataset dataset,
        int series,
        int item,
        CrosshairState crosshairState,
        int pass) {
      // XYPlot draws pass by pass, a series' items in order
      if (item == 0) {
        beginElementGroup(g2, new TraceKey((String) dataset.getSeriesKey(series)));
      }
      super.drawItem(
          g2,
          state,
          dataArea,
          info,
          plot,
          domainAxis,
          rangeAxis,
          dataset,
          series,
          item,
          crosshairState,
          pass);
      if (item == dataset.getItemCount(series) - 1) {
        endElementGroup(g2);
      }
    }
  }

  /** Bars; each drawn in a group that names its trace. */
  static final class Bars extends BarRenderer {
    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      beginElementGroup(g2, new TraceKey((String) dataset.getRowKey(row)));
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      endElementGroup(g2);
    }
  }

  /** Every value of a category as a marker, in a group that names its trace. */
  static final class Points extends ScatterRenderer {
    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      beginElementGroup(g2, new TraceKey((String) dataset.getRowKey(row)));
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      endElementGroup(g2);
    }
  }
}
