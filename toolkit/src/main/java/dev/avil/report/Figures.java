package dev.avil.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** jsplot figures drawn from tables. */
public final class Figures {
  private Figures() {}

  /** One line per group: {@code y} against {@code x} for each distinct value of {@code group}. */
  public static Figure lines(
      Table t, String x, String y, String group, String title, String xTitle, String yTitle) {
    Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
    NumericColumn<?> xs = t.numberColumn(x);
    NumericColumn<?> ys = t.numberColumn(y);
    for (int r = 0; r < t.rowCount(); r++) {
      byGroup
          .computeIfAbsent(t.column(group).getString(r), k -> new ArrayList<>())
          .add(new double[] {xs.getDouble(r), ys.getDouble(r)});
    }
    List<Trace> traces = new ArrayList<>();
    byGroup.forEach(
        (name, pts) -> {
          double[] px = pts.stream().mapToDouble(p -> p[0]).toArray();
          double[] py = pts.stream().mapToDouble(p -> p[1]).toArray();
          traces.add(
              ScatterTrace.builder(px, py)
                  .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                  .name(name)
                  .build());
        });
    return new Figure(layout(title, xTitle, yTitle), traces.toArray(new Trace[0]));
  }

  /**
   * A bar per category (its mean) with every single value drawn as a point over it.
   *
   * @param categories the category names, in order
   * @param means each category's mean
   * @param pointCategories the category of each single value
   * @param points the single values
   */
  public static Figure barsWithPoints(
      StringColumn categories,
      DoubleColumn means,
      StringColumn pointCategories,
      DoubleColumn points,
      String title,
      String yTitle) {
    Trace bars =
        BarTrace.builder(categories.asObjectArray(), means.asDoubleArray())
            .name("mean")
            .opacity(0.5)
            .build();
    Trace singles =
        ScatterTrace.builder(pointCategories, points)
            .mode(ScatterTrace.Mode.MARKERS)
            .marker(Marker.builder().size(9).build())
            .name("single seeds")
            .build();
    double lo = points.isEmpty() ? 0 : points.min();
    double hi = points.isEmpty() ? 1 : points.max();
    double pad = Math.max(0.01, (hi - lo) * 0.3);
    Layout layout =
        Layout.builder()
            .title(title)
            .height(420)
            .width(760)
            .yAxis(
                Axis.builder()
                    .title(yTitle)
                    .range(Math.max(0, lo - pad), Math.min(1.0001, hi + pad))
                    .build())
            .build();
    return new Figure(layout, bars, singles);
  }

  private static Layout layout(String title, String xTitle, String yTitle) {
    return Layout.builder()
        .title(title)
        .height(420)
        .width(760)
        .xAxis(Axis.builder().title(xTitle).build())
        .yAxis(Axis.builder().title(yTitle).build())
        .build();
  }
}
