package dev.avil.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
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

  /**
   * One line per group: {@code y} against {@code x} for each distinct value of {@code group}.
   */
  public static Figure lines(Table t, String x, String y, String group, String title, String xTitle, String yTitle) {
    Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
    NumericColumn<?> xs = t.numberColumn(x);
    NumericColumn<?> ys = t.numberColumn(y);
    for (int r = 0; r < t.rowCount(); r++) {
      byGroup.computeIfAbsent(t.column(group).getString(r), k -> new ArrayList<>())
          .add(new double[] {xs.getDouble(r), ys.getDouble(r)});
    }
    List<Trace> traces = new ArrayList<>();
    byGroup.forEach((name, pts) -> {
      double[] px = pts.stream().mapToDouble(p -> p[0]).toArray();
      double[] py = pts.stream().mapToDouble(p -> p[1]).toArray();
      traces.add(ScatterTrace.builder(px, py).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(name).build());
    });
    return new Figure(layout(title, xTitle, yTitle), traces.toArray(new Trace[0]));
  }

  /**
   * A bar per category (its mean) with every single value drawn as a point over it.
   *
   * @param categories the category names, in order
   * @param values the values of each category
   */
  public static Figure barsWithPoints(
      List<String> categories, List<double[]> values, String title, String yTitle) {
    Object[] cats = categories.toArray();
    double[] means = values.stream().mapToDouble(v -> java.util.Arrays.stream(v).average().orElse(Double.NaN)).toArray();
    List<Trace> traces = new ArrayList<>();
    traces.add(BarTrace.builder(cats, means).name("mean").opacity(0.5).build());
    List<String> px = new ArrayList<>();
    List<Double> py = new ArrayList<>();
    for (int i = 0; i < cats.length; i++) {
      for (double v : values.get(i)) {
        px.add(categories.get(i));
        py.add(v);
      }
    }
    traces.add(
        ScatterTrace.builder(
                tech.tablesaw.api.StringColumn.create("method", px),
                tech.tablesaw.api.DoubleColumn.create("value", py))
            .mode(ScatterTrace.Mode.MARKERS)
            .marker(Marker.builder().size(9).build())
            .name("single seeds")
            .build());
    double lo = py.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double hi = py.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double pad = Math.max(0.01, (hi - lo) * 0.3);
    Layout layout =
        Layout.builder()
            .title(title)
            .height(420)
            .width(760)
            .yAxis(Axis.builder().title(yTitle).range(Math.max(0, lo - pad), Math.min(1.0001, hi + pad)).build())
            .build();
    return new Figure(layout, traces.toArray(new Trace[0]));
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
